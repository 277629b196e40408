"""What an operation changed, so the UI can refresh only what it must (like Anki's OpChanges)."""
from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Changes:
    consortium: bool = False
    members: bool = False
    structure: bool = False  # subcommittees and business systems
    functions: bool = False
    requests: bool = False  # request items, member requests, hearing notes, approvals, status history
    meetings: bool = False  # meetings, attendees, agenda entries and their outcomes
    history: bool = False  # the audit trail and the undo / redo stack
    costs: bool = False  # the cost rule and per-item methods (cost views also refresh on requests and members)
    measures: bool = False  # briefings, vendor-selection events and attendance, late joiners' acceptances

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(Changes)})

    @property
    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(Changes))


@dataclass(frozen=True)
class ChangesWithId(Changes):
    """Changes plus the id and key of the row an operation created (e.g. a new request item)."""

    id: int = field(kw_only=True)  # every operation that creates a row names it
    key: str | None = None


NOTHING = Changes()
