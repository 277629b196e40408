"""ヘルプ > 使い方ガイド: the Markdown guide with its screenshots, shown in the app."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

DOCS = Path(__file__).resolve().parents[2] / "docs"
VIEWS = ("dashboard", "functions", "requests", "comparison", "meetings", "members", "reports")


def test_guide_covers_every_main_view_and_its_pictures_exist():
    text = (DOCS / "guide.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert {f"guide-{v}.png" for v in VIEWS} <= set(pictures)
    for name in pictures:
        data = (DOCS / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 20_000, name
    for heading in ("はじめに", "機能一覧の取り込み", "要望の流れ", "会議", "元に戻す", "バックアップ", "共有モード"):
        assert heading in text


def test_help_menu_opens_the_rendered_guide_with_images(main_window, qtbot):
    main_window.guide_action.trigger()
    dialog = main_window._guide
    qtbot.waitExposed(dialog)
    plain = dialog.browser.toPlainText()
    assert "cloudsuppress 使い方ガイド" in plain and "デモデータで試す" in plain
    assert "![" not in plain  # rendered, not shown as Markdown source
    image = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("guide-requests.png"))
    assert image is not None and bytes(image).startswith(b"\x89PNG")  # resolved beside guide.md
    assert dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("missing.png")) is None
    dialog.close()


def test_the_guide_opens_at_its_top_every_time(main_window, qtbot):
    """Issue #14: it opened at section 6 (the images laid out after the first paint moved it)."""
    main_window.guide_action.trigger()
    dialog = main_window._guide
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    bar = dialog.browser.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    bar.setValue(bar.maximum() // 2)  # read on, close, open again: the top again
    dialog.close()
    main_window.guide_action.trigger()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    assert bar.value() == 0
    assert dialog.browser.textCursor().position() == 0
    dialog.close()


def test_the_reason_drop_down_shows_its_longest_reason_whole(runner, qtbot, app_font):
    from ui.request_editor.member_part_form import MemberPartForm

    form = MemberPartForm(runner, member_id=1, member="那珂市")
    qtbot.addWidget(form)
    combo = form.reason_combo
    combo.setCurrentIndex(combo.findText("住民サービス水準の維持"))
    fm = combo.fontMetrics()
    assert combo.minimumWidth() >= fm.horizontalAdvance("住民サービス水準の維持") + 40


def test_the_presentation_keys_in_the_guide_and_the_readme_are_the_apps():
    """The slide's keys (presentation_view._slide_key: 0–6 one per CHOICES line, Z, H, Home/End) are
    each in the guide's key table and in the README's paragraph, with the choice each digit makes."""
    from ui.views.presentation_view import CHOICES

    guide = (DOCS / "guide.md").read_text(encoding="utf-8")
    table = guide.split("| キー | 操作 |", 1)[1].split("\n\n", 1)[0]
    keys = {k.strip() for line in table.splitlines()[2:] for k in line.split("|")[1].split("／")}
    assert {str(n) for n in range(len(CHOICES))} | {"Z", "H", "Home", "End", "Esc", "Space", "PageDown",
                                                      "PageUp", "Backspace"} <= keys
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    words = ("未協議", "標準化", "取下げ", "カスタマイズ実施", "継続審議", "報告のみ", "カスタマイズ実施")
    for n in range(len(CHOICES)):
        assert f"{n} {words[n]}" in readme.replace("\n  ", " "), n
    for key in ("Z shows", "H hides", "Home / End"):
        assert key in readme.replace("\n  ", " ")
