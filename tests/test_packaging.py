"""The packaging files agree with the app and the README (no PyInstaller needed; the build itself
is packaging/build.py, and the clean Debian run packaging/clean_room.py, neither run in CI)."""
from __future__ import annotations

import ast
import importlib.util
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "cloudsuppress.spec"


def spec_constant(name: str):
    """A literal assigned at the top level of the spec (the spec itself only runs inside PyInstaller)."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not found in {SPEC}")


def qt_modules_used() -> set[str]:
    sources = [ROOT / "main.py", *sorted((ROOT / "ui").rglob("*.py"))]
    used = set()
    for path in sources:
        if path.name == "translation_catalog.py":  # generated, never imported by the app
            continue
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return used


def test_no_qt_module_the_app_imports_is_excluded_from_the_build():
    used = qt_modules_used()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    excluded = set(spec_constant("EXCLUDED_QT"))
    dropped_by_name = spec_constant("DROP")
    assert not used & excluded, f"the app imports {used & excluded}, which the spec leaves out"
    for module in used:
        library = "Qt6" + module[2:]
        assert not any(d in library for d in dropped_by_name), f"{library} matches the spec's DROP list"


def test_the_build_keeps_the_platforms_and_qt_translations_the_app_needs():
    kept = spec_constant("KEEP_PLUGINS")
    assert {"qoffscreen", "qwindows", "qxcb", "qwayland"} <= kept["platforms"]
    assert "platforms" not in spec_constant("DROP_PLUGIN_DIRS")
    assert "platforminputcontexts" not in spec_constant("DROP_PLUGIN_DIRS")  # Japanese input (ibus) on Linux
    # ui/i18n.py loads Qt's own catalogue under this name for each of the app's languages
    assert 'f"qtbase_{language}"' in (ROOT / "ui" / "i18n.py").read_text(encoding="utf-8")
    assert spec_constant("KEEP_QT_TRANSLATIONS") == {"qtbase_ja.qm", "qtbase_en.qm"}


def test_readme_lists_the_runtime_packages_the_clean_room_installs():
    spec = importlib.util.spec_from_file_location("clean_room", ROOT / "packaging" / "clean_room.py")
    clean_room = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(clean_room)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "apt-get install " + " ".join(clean_room.RUNTIME_PACKAGES)
    assert command in readme


def test_bundled_fontconfig_points_at_the_bundled_fonts():
    conf = ET.parse(ROOT / "packaging" / "fontconfig" / "fonts.conf").getroot()
    relative = [d.text for d in conf.iter("dir") if d.get("prefix") == "relative"]
    # fonts.conf lands in _internal/fontconfig/, the fonts in _internal/resources/fonts/
    assert relative == ["../resources/fonts"]
    assert (ROOT / "resources" / "fonts" / "BIZUDGothic-Regular.ttf").exists()
    assert '"fontconfig"' in SPEC.read_text(encoding="utf-8")


def test_fontconfig_hook_only_acts_without_a_system_configuration(monkeypatch, tmp_path):
    hook = (ROOT / "packaging" / "rthooks" / "fontconfig.py").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    monkeypatch.delenv("FONTCONFIG_PATH", raising=False)

    monkeypatch.setattr(os.path, "exists", lambda p: p != "/etc/fonts/fonts.conf")
    exec(compile(hook, "fontconfig.py", "exec"), {})
    assert os.environ["FONTCONFIG_FILE"] == os.path.join(str(tmp_path), "fontconfig", "fonts.conf")

    monkeypatch.delenv("FONTCONFIG_FILE")
    monkeypatch.setattr(os.path, "exists", lambda p: True)
    exec(compile(hook, "fontconfig.py", "exec"), {})
    assert "FONTCONFIG_FILE" not in os.environ

    monkeypatch.setenv("FONTCONFIG_FILE", "/mine.conf")
    monkeypatch.setattr(os.path, "exists", lambda p: False)
    exec(compile(hook, "fontconfig.py", "exec"), {})
    assert os.environ["FONTCONFIG_FILE"] == "/mine.conf"
