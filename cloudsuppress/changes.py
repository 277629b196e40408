"""What an operation changed, so the UI can refresh only what it must (like Anki's OpChanges)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    consortium: bool = False
    members: bool = False
    structure: bool = False  # subcommittees and business systems
    functions: bool = False

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(**{k: getattr(self, k) or getattr(other, k) for k in self.__dataclass_fields__})

    @property
    def any(self) -> bool:
        return any(getattr(self, k) for k in self.__dataclass_fields__)


NOTHING = Changes()
