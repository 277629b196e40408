"""Domain errors. Their messages are Japanese and are shown as they are by the GUI and the CLI."""
from __future__ import annotations

from dataclasses import dataclass


class DomainError(Exception):
    """An operation was refused; ``str(error)`` is the message for the user."""


class DatabaseError(DomainError):
    """The database cannot be opened or upgraded."""


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer version of the app."""


@dataclass(frozen=True)
class ImportIssue:
    """One problem found while validating an import, located by file, sheet, row and column."""

    file: str
    row: int | None  # 1-based row number as the user sees it in the spreadsheet
    column: str | None  # column letter (A, B, ...) or header name
    message: str
    sheet: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(f"シート「{self.sheet}」")
        if self.row is not None:
            where.append(f"{self.row}行目")
        if self.column:
            where.append(self.column if "列" in self.column else f"{self.column}列")
        return " ".join(where) + ": " + self.message


class ImportValidationError(DomainError):
    """An import was refused; nothing was written. ``issues`` lists every problem found."""

    MAX_LISTED = 200

    def __init__(self, issues: list[ImportIssue], *, total: int | None = None):
        self.issues = issues[: self.MAX_LISTED]
        self.total = total if total is not None else len(issues)
        lines = [str(i) for i in self.issues]
        more = self.total - len(self.issues)
        if more > 0:
            lines.append(f"ほか {more} 件の問題があります。")
        header = f"取り込みを中止しました（{self.total} 件の問題）。データベースは変更していません。"
        super().__init__(header + "\n" + "\n".join(lines))
