"""ConnectionDialog: ファイル > 共有データベースに接続… (PostgreSQL, shared mode).

Contract: the user fills in server, port, database, user and password (masked), may try the
connection (接続テスト: one ``SELECT 1``, nothing is created or migrated), and presses 接続.
The dialog then opens the database with the core's ``open_database`` (which creates and
migrates the schema on an empty server database) and keeps it in ``database``; the caller
switches the window to it, exactly like 新しい協議会… hands over ``dialog.database``.
``url`` is the URL *without* the password, the one to remember in the settings. The
password goes only to the OS keyring (when the box is ticked and a keyring exists), never
into the settings; where no keyring backend exists the box is disabled and says why.
``for_url`` prefills the fields from a remembered URL, so the same dialog asks for the
password at start-up.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.errors import DomainError
from cloudsuppress.store import credentials
from cloudsuppress.store.connection import (
    DEFAULT_PORT,
    Database,
    ServerAddress,
    check_server,
    mask_url,
    open_database,
)


class ConnectionDialog(QDialog):
    """Where the shared database is, and the password; ``database`` is open after 接続."""

    def __init__(self, parent: QWidget | None = None, *, url: str | None = None):
        super().__init__(parent)
        self.database: Database | None = None
        self.url: str | None = None
        self.setWindowTitle(self.tr("共有データベースに接続"))
        self.setMinimumWidth(560)

        intro = QLabel(self.tr("複数の事務局員で同じデータを使うときは、PostgreSQL の共有データベースに接続します。"
                               "接続先はシステム担当者に確認してください。"))
        intro.setWordWrap(True)
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("例: db.example.lg.jp"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.database_edit = QLineEdit()
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("不要なサーバーでは空欄"))
        self.save_password = QCheckBox(self.tr("パスワードを保存する（OS の資格情報）"))
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet("color: #666666;")
        if credentials.keyring_available():
            self.save_password.setChecked(True)
            self.keyring_note.setText(self.tr("パスワードは Windows の資格情報マネージャーなど OS の安全な保管場所に保存され、"
                                              "設定ファイルには書かれません。"))
        else:
            self.save_password.setChecked(False)
            self.save_password.setEnabled(False)
            self.keyring_note.setText(self.tr("この環境では OS の資格情報（キーリング）を使えないため、パスワードは保存できません。"
                                              "起動するたびに入力してください。"))
        self.save_password.setToolTip(self.keyring_note.text())

        form = QFormLayout()
        form.addRow(self.tr("サーバー"), self.host_edit)
        form.addRow(self.tr("ポート"), self.port_spin)
        form.addRow(self.tr("データベース"), self.database_edit)
        form.addRow(self.tr("ユーザー名"), self.user_edit)
        form.addRow(self.tr("パスワード"), self.password_edit)
        form.addRow("", self.save_password)
        form.addRow("", self.keyring_note)

        self.result_label = QLabel()
        self.result_label.setObjectName("connectionResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton(self.tr("接続テスト"))
        self.test_button.clicked.connect(self.test_connection)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(self.tr("接続"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.connect_button.clicked.connect(self.connect_database)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

        for edit in (self.host_edit, self.database_edit, self.user_edit):
            edit.textChanged.connect(self._validate)
        if url:
            self.set_url(url)
        self._validate()

    # --- fields -----------------------------------------------------------------------

    def set_url(self, url: str) -> None:
        """Fill the fields from a (remembered) URL; the password field stays for the user."""
        address = ServerAddress.from_url(url)
        self.host_edit.setText(address.host)
        self.port_spin.setValue(address.port)
        self.database_edit.setText(address.database)
        self.user_edit.setText(address.user)
        if address.password:
            self.password_edit.setText(address.password)
        self.password_edit.setFocus()

    def _validate(self) -> None:
        ok = all(e.text().strip() for e in (self.host_edit, self.database_edit, self.user_edit))
        self.connect_button.setEnabled(ok)
        self.test_button.setEnabled(ok)

    def url_without_password(self) -> str:
        return ServerAddress(host=self.host_edit.text(), database=self.database_edit.text(),
                             user=self.user_edit.text(), port=self.port_spin.value()).url_without_password()

    def _connect_url(self) -> str:
        """With the typed password, else the remembered one (kept in memory only)."""
        url = self.url_without_password()
        password = self.password_edit.text()
        if password:
            return credentials.url_with_password(url, password)
        return credentials.resolve_url(url)

    def _show(self, text: str, *, ok: bool) -> None:
        self.result_label.setStyleSheet("color: #1e6b30;" if ok else "color: #b00020;")
        self.result_label.setText(text)

    # --- actions ----------------------------------------------------------------------

    def test_connection(self) -> bool:
        """接続テスト: one connection and ``SELECT 1``; the result is shown under the fields."""
        reason = check_server(self._connect_url())
        if reason is None:
            self._show(self.tr("接続できました: {0}").format(mask_url(self.url_without_password())), ok=True)
            return True
        self._show(self.tr("接続できません: {0}").format(reason), ok=False)
        return False

    def connect_database(self) -> bool:
        """接続: open (and if new, set up) the database; remember the password if asked to."""
        url = self._connect_url()
        try:
            db = open_database(url)
        except DomainError as error:
            self._show(str(error), ok=False)
            return False
        self.database = db
        self.url = self.url_without_password()
        password = self.password_edit.text()
        if password and self.save_password.isEnabled() and self.save_password.isChecked():
            credentials.store_password(credentials.ServerAccount.from_url(self.url), password)
        self.accept()
        return True


def open_remembered_server(url: str, *, interactive: bool, warn) -> Database | None:  # noqa: ANN001 - warn(text)
    """At start: reconnect to the server database opened last (``url`` has no password).

    With a remembered password (keyring) it connects directly; otherwise, or when that fails,
    an interactive start asks in the connection dialog (prefilled), while a ``--screenshot``
    run never asks and returns None (the caller then opens a file). None also when the user
    cancels.
    """
    if not credentials.needs_prompt(url):
        try:
            return open_database(credentials.resolve_url(url))
        except DomainError as error:
            if not interactive:
                warn(str(error))
                return None
    elif not interactive:
        warn(f"共有データベース {mask_url(url)} のパスワードが保存されていないため、接続しません。")
        return None
    dialog = ConnectionDialog(None, url=url)
    dialog.exec()
    db = dialog.database
    dialog.deleteLater()
    return db
