"""ツール > 協議会の設定…: the 会長 and the secretariat's contact, checked as typed and saved through
the runner (one undoable action), and used by the next 負担額通知."""
from __future__ import annotations

from cloudsuppress.ops.consortium import ConsortiumSettings, get_consortium_settings


def test_settings_are_checked_as_typed_and_saved(qtbot, runner):
    from ui.dialogs.consortium_settings_dialog import ConsortiumSettingsDialog

    dialog = ConsortiumSettingsDialog(runner)
    qtbot.addWidget(dialog)
    assert dialog.chair_member_edit.text() == "常陸大宮市"  # the demo's 会長
    dialog.chair_member_edit.setText("")
    dialog.chair_name_edit.setText("山田　太郎")
    assert not dialog.ok_button.isEnabled() and "所属団体" in dialog.error_label.text()
    dialog.chair_member_edit.setText("那珂市")
    dialog.mail_edit.setText("jimukyoku")
    assert not dialog.ok_button.isEnabled() and "メール" in dialog.error_label.text()
    dialog.mail_edit.setText("jimukyoku@example.lg.jp")
    dialog.seal_check.setChecked(False)
    assert dialog.ok_button.isEnabled() and dialog.error_label.text() == ""
    dialog.ok_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = runner.read(get_consortium_settings)
    assert stored.chair_member == "那珂市" and stored.chair_name == "山田　太郎" and not stored.seal_omitted
    assert stored.office_mail == "jimukyoku@example.lg.jp" and stored == dialog.saved
    again = ConsortiumSettingsDialog(runner)  # opens with what is stored
    qtbot.addWidget(again)
    assert again.settings().normalized() == stored != ConsortiumSettings()
