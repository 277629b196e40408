"""File dialogs as people expect them (issue #14).

* The first time, a dialog opens in the user's Documents folder (not the program's folder);
  after that, in the folder last used for that kind of file (``KIND_*``: reports, databases,
  function lists …), remembered in the settings across starts.
* The suggested name says what and when: 「比較一覧表_住民業務部会_R081210.pdf」
  (``dated_file_name``; R08 = 令和8年, as file names on a 役所 file server are written).
* A folder typed that does not exist is offered to be created (``ensure_folder``).
* Qt's own dialogs: native on Windows and macOS (Qt's default, never switched off here); their
  labels are Japanese because ui/i18n.py loads Qt's ``qtbase_ja`` translation.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from cloudsuppress.domain.wareki import era_of
from cloudsuppress.file_errors import error_reason
from cloudsuppress.store.files import safe_file_name

KIND_REPORTS = "reports"  # PDF / xlsx / docx the app writes
KIND_DATABASES = "databases"
KIND_FUNCTION_LISTS = "function_lists"
KIND_MEMBER_LISTS = "member_lists"
KIND_REQUESTS = "request_workbooks"
KIND_HANDOVER = "handover"
ERA_LETTERS = {"令和": "R", "平成": "H", "昭和": "S", "大正": "T", "明治": "M"}


def _settings() -> QSettings:
    from .settings import app_settings

    return app_settings()


def documents_folder() -> Path:
    """The user's Documents folder (ドキュメント), or the home folder when there is none."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if docs and Path(docs).is_dir():
        return Path(docs)
    return Path.home()


def start_folder(kind: str, settings: QSettings | None = None) -> Path:
    """Where a dialog for ``kind`` opens: the folder last used for it, else Documents."""
    settings = settings if settings is not None else _settings()
    last = settings.value(f"folders/{kind}")
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    return documents_folder()


def remember_folder(kind: str, path: Path | str, settings: QSettings | None = None) -> None:
    """Remember the folder of ``path`` (a file, or a folder itself) for the next dialog of ``kind``."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    settings = settings if settings is not None else _settings()
    settings.setValue(f"folders/{kind}", str(folder))


def wareki_stamp(day: dt.date) -> str:
    """「R081210」 for 令和8年12月10日: the era's letter, two-digit year, month and day."""
    era, year = era_of(day)
    return f"{ERA_LETTERS.get(era, era)}{year:02d}{day.month:02d}{day.day:02d}"


def dated_file_name(what: str, *scope: str | None, on: dt.date | None = None, suffix: str) -> str:
    """「比較一覧表_住民業務部会_R081210.pdf」: what, then what it covers, then the 和暦 date."""
    parts = [what, *[s for s in scope if s], wareki_stamp(on or dt.date.today())]
    return safe_file_name("_".join(parts)) + (suffix if suffix.startswith(".") else f".{suffix}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("file_dialogs", text)


def save_file_name(parent: QWidget | None, caption: str, *, kind: str, suggested: str, file_filter: str,
                   folder: str | Path = "", options: QFileDialog.Option | None = None) -> Path | None:
    """Ask where to save ``suggested`` (in ``folder``, else the kind's last folder); remembers the folder."""
    start = Path(folder) if folder and Path(folder).is_dir() else start_folder(kind)
    args = [parent, caption, str(start / Path(suggested).name), file_filter]
    if options is not None:
        args += ["", options]
    name, _ = QFileDialog.getSaveFileName(*args)
    if not name:
        return None
    if not ensure_folder(parent, Path(name).parent):
        return None
    remember_folder(kind, Path(name))
    return Path(name)


def open_file_name(parent: QWidget | None, caption: str, *, kind: str, file_filter: str,
                   folder: str | Path = "") -> Path | None:
    """Ask for a file to read (in ``folder``, else the kind's last folder); remembers the folder."""
    start = Path(folder) if folder and Path(folder).is_dir() else start_folder(kind)
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(start), file_filter)
    if not name:
        return None
    remember_folder(kind, Path(name))
    return Path(name)


def open_file_names(parent: QWidget | None, caption: str, *, kind: str, file_filter: str,
                    folder: str | Path = "") -> list[Path]:
    start = Path(folder) if folder and Path(folder).is_dir() else start_folder(kind)
    names, _ = QFileDialog.getOpenFileNames(parent, caption, str(start), file_filter)
    if names:
        remember_folder(kind, Path(names[0]))
    return [Path(n) for n in names]


def existing_folder(parent: QWidget | None, caption: str, *, kind: str, folder: str | Path = "") -> Path | None:
    """Ask for a folder (in ``folder``, else the kind's last folder); remembers it."""
    start = Path(folder) if folder and Path(folder).is_dir() else start_folder(kind)
    name = QFileDialog.getExistingDirectory(parent, caption, str(start))
    if not name:
        return None
    remember_folder(kind, Path(name))
    return Path(name)


def ensure_folder(parent: QWidget | None, folder: Path) -> bool:
    """True when ``folder`` exists, or the user agreed to create it and it was created."""
    if folder.is_dir():
        return True
    answer = QMessageBox.question(
        parent, _tr("フォルダがありません"),
        _tr("フォルダ {0} はありません。作成しますか？").format(folder),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        QMessageBox.warning(parent, _tr("フォルダを作成できません"),
                            _tr("フォルダ {0} を作成できません。\n{1}").format(folder, error_reason(error)))
        return False
    return True
