"""The four use cases issue #16 names ("Done when") call one core op from both adapters, and CI keeps it so.

For each use case this reads, with ``ast`` (no Qt, no database), the GUI's widget, the GUI's
``ui/operations`` function and the CLI's command module, resolves their imports (``from ..ops import
costs as cost_ops``, ``lazy_module("cloudsuppress.ops.costs")``, names imported inside a function) and
checks that each calls the op named here. A future change that makes one side compose the use case
again (call the smaller ops the op is made of) fails too. tests/ui/test_cli_gui_parity.py runs both
adapters on the same input and compares the databases; this is the cheap half that runs everywhere.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# use case: (the core op, the widget → its ui/operations function, the ui/operations module, the CLI modules)
USE_CASES: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]], str, tuple[str, ...]]] = {
    "add-業務": (("cloudsuppress.ops.consortium.add_business_system",),
                 {"ui/dialogs/business_system_dialog.py": ("ui.operations.structure.add_business_system",)},
                 "ui/operations/structure.py", ("cloudsuppress/cli/structure.py",)),
    "handover import": (("cloudsuppress.store.handover.import_handover_into",),
                        {"ui/database_menu.py": ("ui.operations.consortium.import_handover_into_new_file",)},
                        "ui/operations/consortium.py", ("cloudsuppress/cli/__init__.py",)),
    "member part save": (("cloudsuppress.ops.requests.save_item",),
                         {"ui/request_editor/request_item_dialog.py": ("ui.operations.requests.save_item",)},
                         "ui/operations/requests.py", ("cloudsuppress/cli/request_parts.py",)),
    "cost rule save": (("cloudsuppress.ops.costs.set_cost_rule", "cloudsuppress.ops.costs.set_item_cost"),
                       {"ui/views/reports_view.py": ("ui.operations.costs.set_cost_rule",
                                                     "ui.operations.costs.set_item_cost")},
                       "ui/operations/costs.py", ("cloudsuppress/cli/costs.py",)),
}

# What those ops are made of: an adapter calling one of these is composing the use case itself.
PARTS = {
    "cloudsuppress.ops.requests.create_item", "cloudsuppress.ops.requests.join_item",
    "cloudsuppress.ops.requests.update_item", "cloudsuppress.ops.requests.update_member_request",
    "cloudsuppress.ops.consortium.add_subcommittee",  # (the CLI's own add-subcommittee command is allowed below)
}
PARTS_ALLOWED = {("cloudsuppress/cli/structure.py", "cloudsuppress.ops.consortium.add_subcommittee")}
CLI_NOT = {"cloudsuppress.store.handover.import_handover"}  # the CLI takes a file in only through import_handover_into


def _module_of(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _absolute(path: Path, root: Path, module: str | None, level: int) -> str:
    if level == 0:
        return module or ""
    package = _module_of(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, module] if module else base)


def calls(path: Path, root: Path = ROOT) -> set[str]:
    """The fully qualified names this module calls through its imports (wherever in the file they are)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _absolute(path, root, node.module, node.level)
            for alias in node.names:
                names[alias.asname or alias.name] = f"{source}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else alias.name.split(".")[0]
        elif (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
              and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
              and node.value.func.id == "lazy_module" and node.value.args
              and isinstance(node.value.args[0], ast.Constant)):
            names[node.targets[0].id] = str(node.value.args[0].value)
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in names:
            found.add(names[func.id])
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in names:
            found.add(f"{names[func.value.id]}.{func.attr}")
    return found


@pytest.mark.parametrize("use_case", sorted(USE_CASES))
def test_both_adapters_call_the_named_op(use_case):
    ops, widgets, ui_operations, cli_modules = USE_CASES[use_case]
    for widget, ui_functions in widgets.items():
        for ui_function in ui_functions:
            assert ui_function in calls(ROOT / widget), f"{widget} no longer calls {ui_function} ({use_case})"
    gui = calls(ROOT / ui_operations)
    cli = set().union(*(calls(ROOT / m) for m in cli_modules))
    for op in ops:
        assert op in gui, f"{ui_operations} does not call {op} ({use_case})"
        assert op in cli, f"{', '.join(cli_modules)} does not call {op} ({use_case})"


def test_no_adapter_composes_what_the_ops_are_made_of():
    adapters = [*sorted((ROOT / "ui").rglob("*.py")), *sorted((ROOT / "cloudsuppress" / "cli").rglob("*.py"))]
    composing = []
    for path in adapters:
        rel = path.relative_to(ROOT).as_posix()
        found = calls(path)
        composing += [(rel, name) for name in sorted(found & PARTS) if (rel, name) not in PARTS_ALLOWED]
        if rel.startswith("cloudsuppress/cli/"):
            composing += [(rel, name) for name in sorted(found & CLI_NOT)]
    assert composing == []


def test_the_reader_resolves_the_imports_adapters_use(tmp_path):
    """A scratch package: relative, aliased, lazy and in-function imports resolve; a name only mentioned is no call."""
    cli = tmp_path / "cloudsuppress" / "cli"
    cli.mkdir(parents=True)
    (cli / "x.py").write_text(
        "from ..ops import costs as cost_ops\n"
        "from .types import lazy_module\n"
        "request_ops = lazy_module('cloudsuppress.ops.requests')\n"
        "def f(s):\n"
        "    from ..store import handover\n"
        "    cost_ops.set_cost_rule(s)\n"
        "    request_ops.save_item(s)\n"
        "    handover.import_handover(s, 'x')\n"
        "    return cost_ops.cost_rule_row\n", encoding="utf-8")
    assert calls(cli / "x.py", root=tmp_path) == {
        "cloudsuppress.cli.types.lazy_module", "cloudsuppress.ops.costs.set_cost_rule",
        "cloudsuppress.ops.requests.save_item", "cloudsuppress.store.handover.import_handover"}
