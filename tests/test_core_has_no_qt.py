"""The core does not know Qt exists: no file under cloudsuppress/ imports PySide6 or ui, and
importing every core module leaves PySide6 out of sys.modules."""
from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "cloudsuppress"
FORBIDDEN = ("PySide6", "shiboken6", "ui")


def _forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


def _imports(tree: ast.AST, path: Path) -> list[str]:
    """Every absolute module an import statement names (relative imports resolved within the package)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                out.append(".".join(base + ([node.module] if node.module else [])))
            else:
                out.append(node.module or "")
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in (
            "import_module", "__import__",
        ):
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                out.append(node.args[0].value)
    return out


def test_no_core_file_imports_qt_or_ui():
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 10
    offenders = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        offenders += [f"{path.relative_to(ROOT)}: {m}" for m in _imports(tree, path) if _forbidden(m)]
    assert offenders == []


def test_the_scan_would_catch_an_offender(tmp_path):
    # A test that cannot fail is a bug: prove the scanner sees each form of import.
    for source in ("import PySide6.QtCore", "from PySide6 import QtWidgets", "from ui.app import main",
                   "import importlib\nimportlib.import_module('PySide6.QtGui')"):
        path = CORE / "ops" / "x.py"
        assert any(_forbidden(m) for m in _imports(ast.parse(source), path)), source
    assert any(_forbidden(m) for m in _imports(ast.parse("from ...ui import app"), CORE / "ops" / "x.py"))
    assert not any(_forbidden(m) for m in _imports(ast.parse("from ..ops import functions"), CORE / "ops" / "x.py"))


def test_importing_every_core_module_loads_no_qt():
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import cloudsuppress
        names = []
        for info in pkgutil.walk_packages(cloudsuppress.__path__, "cloudsuppress."):
            if info.name.endswith(".__main__"):
                continue  # runs the CLI on import
            importlib.import_module(info.name)
            names.append(info.name)
        qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")) or m == "ui" or m.startswith("ui."))
        assert not qt, qt
        print(len(names))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) >= 15  # every module was really imported
