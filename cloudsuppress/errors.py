"""Domain errors. Their messages are Japanese and are shown as they are by the GUI and the CLI."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


class DomainError(Exception):
    """An operation was refused; ``str(error)`` is the message for the user."""


class DatabaseError(DomainError):
    """The database cannot be opened or upgraded."""


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer version of the app."""


def _clip_quoted(message: str, keep: int = 80) -> str:
    """Shorten a cell value quoted in 「」: a 40,000-character cell must not become a 40,000-character message."""
    return re.sub(rf"「([^」]{{{keep}}})[^」]+」", r"「\1…」", message)


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
        return " ".join(where) + ": " + _clip_quoted(self.message)


def _row_ranges(rows: list[int], *, limit: int = 6) -> str:
    """[5, 6, 7, 9] → 「5〜7、9行目」; past ``limit`` ranges 「…行目ほか」."""
    ranges: list[list[int]] = []
    for r in sorted(set(rows)):
        if ranges and r == ranges[-1][1] + 1:
            ranges[-1][1] = r
        else:
            ranges.append([r, r])
    parts = [f"{a}〜{b}" if b > a else str(a) for a, b in ranges[:limit]]
    return "、".join(parts) + "行目" + ("ほか" if len(ranges) > limit else "")


def summarize_issues(issues: list[ImportIssue]) -> list[str]:
    """One line per distinct problem (same file, sheet, column and message), naming all its rows.

    A 業務 spelled differently from the consortium's list gives the same problem on every row of
    the file; 176 identical lines hide the one that matters. Order: first occurrence.
    """
    groups: dict[tuple[str, str | None, str | None, str], list[int]] = {}
    firsts: dict[tuple[str, str | None, str | None, str], ImportIssue] = {}
    for issue in issues:
        key = (issue.file, issue.sheet, issue.column, issue.message)
        groups.setdefault(key, [])
        firsts.setdefault(key, issue)
        if issue.row is not None:
            groups[key].append(issue.row)
    lines = []
    for key, rows in groups.items():
        issue = firsts[key]
        if len(rows) <= 1:
            lines.append(str(issue))
            continue
        where = [issue.file]
        if issue.sheet:
            where.append(f"シート「{issue.sheet}」")
        where.append(f"{_row_ranges(rows)}（{len(rows):,} 行）")
        if issue.column:
            where.append(issue.column if "列" in issue.column else f"{issue.column}列")
        lines.append(" ".join(where) + ": " + _clip_quoted(issue.message))
    return lines


class ImportValidationError(DomainError):
    """An import was refused; nothing was written. ``issues`` lists every problem found."""

    MAX_LISTED = 200

    def __init__(self, issues: list[ImportIssue], *, total: int | None = None):
        self.issues = issues[: self.MAX_LISTED]
        self._given = list(issues)  # every issue the caller found, for summary()
        self.total = total if total is not None else len(issues)
        lines = [str(i) for i in self.issues]
        more = self.total - len(self.issues)
        if more > 0:
            lines.append(f"ほか {more} 件の問題があります。")
        super().__init__(self._header() + "\n" + "\n".join(lines))

    def _header(self) -> str:
        return f"取り込みを中止しました（{self.total} 件の問題）。データベースは変更していません。"

    def summary_lines(self) -> list[str]:
        """``summarize_issues`` over every issue the caller passed (not only the first ``MAX_LISTED``):
        250 rows with the same problem are one line 「2〜251行目（250 行）」. At most ``MAX_LISTED`` lines."""
        lines = summarize_issues(self._given)
        if len(lines) > self.MAX_LISTED:
            hidden = len(lines) - self.MAX_LISTED
            lines = lines[: self.MAX_LISTED]
            lines.append(f"ほか {hidden} 種類の問題があります。")
        return lines

    @property
    def not_listed(self) -> int:
        """Issues the caller counted (``total``) but did not pass."""
        return max(0, self.total - len(self._given))

    def summary(self) -> str:
        """The message with the same problem on many rows as one line naming the rows, as the
        GUI's issue list shows them: what the CLI prints."""
        lines = self.summary_lines()
        if self.not_listed:
            lines.append(f"ほか {self.not_listed} 件の問題があります。")
        return self._header() + "\n" + "\n".join(lines)


class DatabaseCorruptError(DatabaseError):
    """The SQLite file failed its integrity check; ``backups`` lists the copies to restore from (newest first)."""

    # backups: store.backups.BackupInfo (that module imports this one)
    def __init__(self, message: str, *, path: object = None, backups: Sequence[Any] = ()):
        super().__init__(message)
        self.path = path
        self.backups = tuple(backups)


class ConcurrentEditError(DomainError):
    """Someone else saved a newer version of the record the user is saving; nothing was written.

    Carries what a conflict dialog shows side by side (``current``: the stored row now,
    ``attempted``: the values the user tried to save) and what ``ops.concurrency.reapply``
    needs to save the user's changes again on top of the current version (``operation``,
    ``arguments``). ``current`` is None when the record was deleted meanwhile.
    """

    def __init__(self, *, table: str, row_id: int, label: str, expected_version: int | None,
                 current_version: int | None, current: dict[str, Any] | None, attempted: dict[str, Any],
                 changed_by: str | None = None, changed_at: object = None,
                 operation: str | None = None, arguments: dict[str, Any] | None = None):
        self.table = table
        self.row_id = row_id
        self.label = label
        self.expected_version = expected_version
        self.current_version = current_version
        self.current = current
        self.attempted = attempted
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.operation = operation
        self.arguments = arguments
        # which argument of the operation carries this record's version: "expected_version", or
        # (mapping argument, key) such as ("part_versions", member_id)
        self.version_slot: str | tuple[str, int] = "expected_version"  # the argument, or (argument, member id)
        super().__init__(self._message())

    def _message(self) -> str:
        if self.current is None:
            return (f"{self.label}は、他の利用者が削除したため保存できませんでした。"
                    "一覧を読み込み直してください。")
        who = ""
        if self.changed_by:
            when = f"、{self.changed_at:%Y-%m-%d %H:%M}" if hasattr(self.changed_at, "strftime") else ""
            who = f"（{self.changed_by}{when}）"
        return (f"{self.label}は、編集している間に他の利用者{who}が変更しました"
                f"（版 {self.expected_version} → {self.current_version}）。上書きはしていません。"
                "最新の内容を読み込み直すか、あなたの変更を最新の内容に重ねて保存し直してください。")

    @property
    def differing_fields(self) -> tuple[str, ...]:
        """Fields the user tried to save whose stored value now differs from the user's value."""
        if self.current is None:
            return tuple(self.attempted)
        return tuple(k for k, v in self.attempted.items() if self.current.get(k) != v)
