"""SettingsDialog (ツール > 設定…): the user's preferences, stored in QSettings.

The dialog edits a ``Preferences`` value; on OK it stores it (``save_preferences``) and puts
it into effect (``apply_preferences``): the user name goes into the audit trail at once,
the date style applies to what is shown from then on, the paper to the next export, the
number of backups to the next backup. A new language rebuilds the main window at once
(MainWindow.switch_language). The apportionment defaults are only stored here for the cost screens.
"""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
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

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
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
        self.method_combo = QComboBox()
        self.method_combo.addItem(self.tr("均等割"), "equal")
        self.method_combo.addItem(self.tr("人口割"), "population")
        self.method_combo.addItem(self.tr("均等割・人口割の併用"), "mixed")
        self.method_combo.setAccessibleName(self.tr("費用負担の既定の方式"))
        self.equal_spin = QSpinBox()
        self.equal_spin.setRange(0, 100)
        self.equal_spin.setSuffix(" %")
        self.equal_spin.setAccessibleName(self.tr("均等割の割合"))
        self.population_label = QLabel()
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

        ratio_row = QHBoxLayout()
        ratio_row.addWidget(QLabel(self.tr("均等割")))
        ratio_row.addWidget(self.equal_spin)
        ratio_row.addWidget(self.population_label)
        ratio_row.addStretch(1)
        reports = QFormLayout()
        reports.addRow(self.tr("比較一覧表の用紙"), self.paper_combo)
        reports.addRow(self.tr("費用負担の既定の方式"), self.method_combo)
        reports.addRow(self.tr("併用の割合"), ratio_row)
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

        self.equal_spin.valueChanged.connect(self._show_population_share)
        self.method_combo.currentIndexChanged.connect(self._enable_ratio)
        self.show_preferences(prefs)

    # --- values -----------------------------------------------------------------------

    def show_preferences(self, prefs: Preferences) -> None:
        for combo, value in ((self.language_combo, prefs.language), (self.date_combo, prefs.date_style),
                             (self.paper_combo, prefs.paper), (self.method_combo, prefs.apportion_method)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.user_edit.setText(prefs.user_name)
        self.equal_spin.setValue(prefs.apportion_ratio[0])
        self.backups_spin.setValue(prefs.backups_kept)
        self._show_population_share()
        self._enable_ratio()

    def preferences(self) -> Preferences:
        """The preferences as the dialog shows them."""
        equal = self.equal_spin.value()
        return Preferences(
            user_name=self.user_edit.text().strip(),
            language=self.language_combo.currentData(),
            date_style=self.date_combo.currentData(),
            paper=self.paper_combo.currentData(),
            apportion_method=self.method_combo.currentData(),
            apportion_ratio=(equal, 100 - equal),
            backups_kept=self.backups_spin.value(),
        )

    def language_changed(self) -> bool:
        """True when the stored language differs from the one the app started with."""
        return self.preferences().language != self.initial.language

    def _show_population_share(self) -> None:
        self.population_label.setText(self.tr("：人口割 {0} %").format(100 - self.equal_spin.value()))

    def _enable_ratio(self) -> None:
        mixed = self.method_combo.currentData() == "mixed"
        self.equal_spin.setEnabled(mixed)
        self.population_label.setEnabled(mixed)

    # --- storing ----------------------------------------------------------------------

    def accept(self) -> None:
        prefs = self.preferences()
        save_preferences(self.settings, prefs)
        apply_preferences(prefs)
        super().accept()
