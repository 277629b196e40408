"""``UNSET``: an update operation's "leave this field as it is", where None is a value ("clear it").

One sentinel for every operation (it used to be three different objects, so a value passed from
one module to another's operation was taken as a real value).
"""
from __future__ import annotations

from enum import Enum
from typing import Final, Literal


class _Unset(Enum):
    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset.UNSET
Unset = Literal[_Unset.UNSET]  # for annotations: ``held_on: dt.date | Unset = UNSET``
