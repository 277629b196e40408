"""What the widgets change, one small function per user action (like Anki's ``aqt/operations``).

Contract: each function takes the parent widget (refusals are shown over it) and the
``OpRunner``, then the action's inputs as keyword arguments; it runs one core operation from
``cloudsuppress.ops`` through the runner (one transaction, one broadcast) and returns what the
runner returns: the ``Changes`` (so a caller can read an id or a count off them), or None when
the core refused and the user has been told. Widgets gather input and show the result; they
never build the ``lambda s: ...`` themselves. A label shown while the work runs in the
background is the widget's (its own translation context), passed in as ``label``.

One module per entity: members, meetings, requests, structure (業務), functions (the function
list), costs, measures, consortium (its settings), undo (元に戻す / やり直し).
"""
