"""SettingsDialog (ツール > 設定…): the user's preferences, stored in QSettings.

The dialog edits a ``Preferences`` value; on OK it stores it (``save_preferences``) and puts
it into effect (``apply_preferences``): the user name goes into the audit trail at once,
the date style applies to what is shown from then on, the paper to the next export, the
number of backups to the next backup. A new language rebuilds the main window at once
(MainWindow.switch_language).

The cost apportionment has one source: the consortium's rule in the database (帳票 screen,
「協議会の費用按分ルール」), which every report and the CLI use. This dialog only shows which rule
applies and where it is changed (issue #14: it used to keep a default of its own that nothing read).
"""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..settings import Preferences, apply_preferences, load_preferences, save_preferences

NOTE_STYLE = "color: #4a5568;"


class SettingsDialog(QDialog):
    """Edit and store the user's preferences."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None, *, cost_rule: str | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("設定"))
        self.setMinimumWidth(520)
        prefs = load_preferences(settings)
        self.initial = prefs

        self.user_edit = QLineEdit(prefs.user_name)
        self.user_edit.setMaxLength(100)
        self.user_edit.setPlaceholderText(self.tr("空欄ならパソコンのログイン名"))
        self.user_edit.setAccessibleName(self.tr("操作者名"))
        self.language_combo = QComboBox()
        self.language_combo.addItem("日本語", "ja")
        self.language_combo.addItem("English", "en")
        self.language_combo.setAccessibleName(self.tr("表示言語"))
        self.date_combo = QComboBox()
        self.date_combo.addItem(self.tr("和暦（令和8年11月22日）"), "wareki")
        self.date_combo.addItem(self.tr("西暦（2026/11/22）"), "western")
        self.date_combo.setAccessibleName(self.tr("画面の日付"))
        self.paper_combo = QComboBox()
        self.paper_combo.addItem(self.tr("A3 横"), "a3")
        self.paper_combo.addItem(self.tr("A4 横"), "a4")
        self.paper_combo.setAccessibleName(self.tr("比較一覧表の用紙"))
        # The rule in force is the consortium's (one source): shown, changed on the 帳票 screen.
        self.cost_rule_label = QLabel(
            (self.tr("協議会のルール: {0}").format(cost_rule) if cost_rule else self.tr("協議会のルールに従います。"))
            + "\n" + self.tr("按分方法は協議会ごとに決まっており、すべての帳票とコマンドがこれを使います。"
                              "変更は「帳票」画面の「協議会の費用按分ルール」で行います。"))
        self.cost_rule_label.setObjectName("costRuleLabel")
        self.cost_rule_label.setWordWrap(True)
        self.cost_rule_label.setStyleSheet(NOTE_STYLE)
        self.backups_spin = QSpinBox()
        self.backups_spin.setRange(1, 100)
        self.backups_spin.setSuffix(self.tr(" 個"))
        self.backups_spin.setAccessibleName(self.tr("残すバックアップの数"))

        language_note = QLabel(self.tr("表示言語は、OK を押すとすぐに切り替わります（開いている画面はそのまま）。"))
        date_note = QLabel(self.tr("印刷する帳票（比較一覧表・議事録など）は常に和暦です。"))
        for note in (language_note, date_note):  # wrapped, never cut off at the dialog's edge
            note.setStyleSheet(NOTE_STYLE)
            note.setWordWrap(True)

        general = QFormLayout()
        general.addRow(self.tr("操作者名（変更履歴に記録）"), self.user_edit)
        general.addRow(self.tr("表示言語"), self.language_combo)
        general.addRow("", language_note)
        general.addRow(self.tr("画面の日付"), self.date_combo)
        general.addRow("", date_note)
        general_box = QGroupBox(self.tr("全般"))
        general_box.setLayout(general)

        reports = QFormLayout()
        reports.addRow(self.tr("比較一覧表の用紙"), self.paper_combo)
        reports.addRow(self.tr("費用負担の按分"), self.cost_rule_label)
        reports.addRow(self.tr("残すバックアップの数"), self.backups_spin)
        reports_box = QGroupBox(self.tr("帳票・費用・バックアップ"))
        reports_box.setLayout(reports)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(general_box)
        layout.addWidget(reports_box)
        layout.addWidget(buttons)

        self.show_preferences(prefs)

    # --- values -----------------------------------------------------------------------

    def show_preferences(self, prefs: Preferences) -> None:
        for combo, value in ((self.language_combo, prefs.language), (self.date_combo, prefs.date_style),
                             (self.paper_combo, prefs.paper)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.user_edit.setText(prefs.user_name)
        self.backups_spin.setValue(prefs.backups_kept)

    def preferences(self) -> Preferences:
        """The preferences as the dialog shows them."""
        return Preferences(
            user_name=self.user_edit.text().strip(),
            language=self.language_combo.currentData(),
            date_style=self.date_combo.currentData(),
            paper=self.paper_combo.currentData(),
            apportion_method=self.initial.apportion_method,  # unused (see the module docstring), kept as stored
            apportion_ratio=self.initial.apportion_ratio,
            backups_kept=self.backups_spin.value(),
        )

    def language_changed(self) -> bool:
        """True when the stored language differs from the one the app started with."""
        return self.preferences().language != self.initial.language

    # --- storing ----------------------------------------------------------------------

    def accept(self) -> None:
        prefs = self.preferences()
        save_preferences(self.settings, prefs)
        apply_preferences(prefs)
        super().accept()
