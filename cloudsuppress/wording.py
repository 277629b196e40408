"""Words that differ between the GUI and the command line (issue #14: messages speak of the GUI).

A refusal tells the user how to resolve it: in the GUI by naming the screen and the button
(「団体」画面の「編集…」), on the command line by naming the command or option (``members
update``, ``--header-row``). The core builds one message for whichever is asking: the GUI
calls ``set_audience("gui")`` once at start (ui/app.py); the command line keeps the default.
A process is one or the other, so this is a plain module setting (worker threads see it too).
"""
from __future__ import annotations

GUI = "gui"
CLI = "cli"
_audience = CLI


def set_audience(audience: str) -> None:
    """``"gui"`` or ``"cli"``: whose words the core's messages use from now on."""
    global _audience
    if audience not in (GUI, CLI):
        raise ValueError(audience)
    _audience = audience


def audience() -> str:
    return _audience


def either(*, gui: str, cli: str) -> str:
    """The GUI's wording or the command line's, for the audience set."""
    return gui if _audience == GUI else cli
