"""Widgets change data through ``ui/operations/<entity>.py`` (issue #16 item 3): they never hand
the runner a ``lambda s: ...`` (or a local ``def op(s)``) of their own, which is how use cases
used to be composed in 33 places of the GUI. Read with ``ast``; no Qt needed.

``KNOWN`` lists the ones still left, with why; it may only shrink: a new one fails, and so does
one that is gone but still listed. Reads (``runner.read(lambda s: ...)``) are not counted: they
return plain rows and change nothing.
"""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXEMPT = ("ui/op_runner.py", "ui/operations/")  # the door itself, and the home of these functions
CHANGING = {"run", "attempt"}  # OpRunner's methods that write

KNOWN: dict[str, int] = {}


def _is_runner(node: ast.expr) -> bool:
    """``runner``, ``target_runner``, ``self.runner``: what the widgets call the OpRunner."""
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    return name.endswith("runner")


class _Finder(ast.NodeVisitor):
    def __init__(self, path: str):
        self.path = path
        self.scope: list[str] = []
        self.local_defs: list[set[str]] = [set()]
        self.found: Counter[str] = Counter()

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.local_defs[-1].add(node.name)
        self.scope.append(node.name)
        self.local_defs.append(set())
        self.generic_visit(node)
        self.local_defs.pop()
        self.scope.pop()

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in CHANGING and _is_runner(func.value) and node.args:
            first = node.args[0]
            inline = isinstance(first, ast.Lambda) or (
                isinstance(first, ast.Name) and len(self.local_defs) > 1 and first.id in self.local_defs[-1])
            if inline:
                self.found[f"{self.path}::{'.'.join(self.scope)}"] += 1
        self.generic_visit(node)


def inline_operations(root: Path = ROOT) -> Counter[str]:
    """Where a widget hands the runner an operation it composed itself: ``path::Class.method`` -> count."""
    found: Counter[str] = Counter()
    for path in sorted((root / "ui").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(EXEMPT):
            continue
        finder = _Finder(rel)
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), filename=rel))
        found += finder.found
    return found


def test_widgets_change_data_through_ui_operations():
    found = dict(inline_operations())
    new = {k: v for k, v in found.items() if v > KNOWN.get(k, 0)}
    gone = {k: v for k, v in KNOWN.items() if found.get(k, 0) < v}
    assert not new, f"call a function of ui/operations/<entity>.py instead (add one there): {new}"
    assert not gone, f"fewer left than KNOWN says: shrink KNOWN to {found}"


def test_the_finder_sees_lambdas_and_local_functions(tmp_path):
    """The check itself can fail: a lambda, a local def and a plain call in a scratch widget."""
    (tmp_path / "ui" / "views").mkdir(parents=True)
    (tmp_path / "ui" / "views" / "scratch_view.py").write_text(
        "class ScratchView:\n"
        "    def remove(self, member_id):\n"
        "        self.runner.run(lambda s: remove_member(s, member_id=member_id), parent=self)\n"
        "    def add(self):\n"
        "        def op(s):\n"
        "            return add_member(s, name='x', population=1)\n"
        "        return self.runner.run(op, parent=self)\n"
        "    def undo(self):\n"
        "        undo_ops.undo(self, self.runner)\n"
        "        self.runner.read(lambda s: list_members(s))\n", encoding="utf-8")
    assert inline_operations(tmp_path) == Counter({"ui/views/scratch_view.py::ScratchView.remove": 1,
                                                   "ui/views/scratch_view.py::ScratchView.add": 1})
