"""A meeting dated after today has not been held: nothing can be recorded as decided there (review
R27). Approvals dated after today were already refused; a 部会 decision recorded before its meeting
would put in the minutes and the trail a decision nobody has taken yet. The date is the day, not the
hour: on the meeting's own day the table records as it goes. A module of its own so the request and
the meeting operations both use it without importing each other."""
from __future__ import annotations

import datetime as dt

from ..domain.models import Meeting
from ..domain.wareki import to_wareki
from ..errors import DomainError
from ..wording import either
from .meeting_label import meeting_label


def not_held_yet(held_on: dt.date | None, *, today: dt.date | None = None) -> bool:
    """A meeting on ``held_on`` is dated after ``today`` (default: the computer's date): nothing can be
    recorded as decided there yet. The screen asks this before offering 記録 (the op refuses anyway)."""
    return held_on is not None and held_on > (today or dt.date.today())


def check_meeting_held(m: Meeting, *, what: str = "協議結果", today: dt.date | None = None) -> None:
    """DomainError when ``m`` is dated after ``today`` (default: the computer's date)."""
    if not not_held_yet(m.held_on, today=today):
        return
    how = either(gui="会議の画面の「日時・場所を変更…」で", cli=f"meetings edit {m.id} --date で")
    raise DomainError(f"「{meeting_label(m)}」は{to_wareki(m.held_on)}の会議で、まだ開かれていません。{what}は会議の当日から"
                      f"記録できます。開催日が誤っていれば、{how}直してください。")


def check_new_date(m: Meeting, held_on: dt.date, *, recorded: bool, today: dt.date | None = None) -> None:
    """DomainError when a meeting whose outcomes are ``recorded`` would move to a day after today."""
    today = today or dt.date.today()
    if recorded and held_on > today:
        raise DomainError(f"「{meeting_label(m)}」には協議結果が記録されています。開催日を今日より後（{to_wareki(held_on)}）には"
                          "できません（まだ開かれていない会議になります）。")
