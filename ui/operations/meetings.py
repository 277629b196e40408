"""Meetings (会議): creating one, its attendees, its agenda (議題) and the outcomes recorded there."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.domain.workflow import Status
from cloudsuppress.ops import meetings as meeting_ops
from cloudsuppress.ops import selection as selection_ops
from cloudsuppress.unset import UNSET, Unset

from ..op_runner import OpRunner


def create_meeting(parent: QWidget | None, runner: OpRunner, *, kind: str, title: str, held_on: dt.date,
                   subcommittee_id: int | None, business_system_id: int | None, number: int | None,
                   start_time: str, end_time: str, place: str) -> Changes | None:
    """Create a meeting; the changes carry its ``id`` (ChangesWithId)."""
    return runner.run(lambda s: meeting_ops.create_meeting(
        s, kind=kind, title=title, held_on=held_on, subcommittee_id=subcommittee_id,
        business_system_id=business_system_id, number=number, start_time=start_time, end_time=end_time,
        place=place), parent=parent)


def update_schedule(parent: QWidget | None, runner: OpRunner, *, meeting_id: int, held_on: dt.date, start_time: str,
                    end_time: str, place: str) -> Changes | None:
    """日時・場所を変更: a meeting's date, times and place."""
    fields = meeting_ops.MeetingFields(held_on=held_on, start_time=start_time, end_time=end_time, place=place)
    return runner.run(lambda s: meeting_ops.update_meeting(s, meeting_id=meeting_id, fields=fields), parent=parent)


def add_attendee(parent: QWidget | None, runner: OpRunner, *, meeting_id: int, role: str, name: str,
                 member_id: int | None, organization: str | None, title: str) -> Changes | None:
    """Record an attendee: a member's staff, the vendor or the secretariat."""
    return runner.run(lambda s: meeting_ops.add_attendee(s, meeting_id=meeting_id, role=role, name=name,
                                                         member_id=member_id, organization=organization, title=title),
                      parent=parent)


def remove_attendee(parent: QWidget | None, runner: OpRunner, *, attendee_id: int) -> Changes | None:
    """Remove an attendee."""
    return runner.run(lambda s: meeting_ops.remove_attendee(s, attendee_id=attendee_id), parent=parent)


def build_agenda(parent: QWidget | None, runner: OpRunner, *, meeting_id: int) -> Changes | None:
    """議題を作成: every undecided item of the meeting's scope; the changes say how many were ``added``."""
    return runner.run(lambda s: meeting_ops.build_agenda(s, meeting_id=meeting_id), parent=parent)


def add_agenda_item(parent: QWidget | None, runner: OpRunner, *, meeting_id: int, item_id: int) -> Changes | None:
    """Put one item at the end of the agenda."""
    return runner.run(lambda s: meeting_ops.add_agenda_item(s, meeting_id=meeting_id, item_id=item_id), parent=parent)


def add_agenda_items(parent: QWidget | None, runner: OpRunner, *, meeting_id: int,
                     item_ids: Sequence[int]) -> Changes | None:
    """Put every selected item at the end of the agenda, as one action."""
    return runner.run(lambda s: selection_ops.add_agenda_items(s, meeting_id=meeting_id, item_ids=item_ids),
                      parent=parent)


def remove_agenda_item(parent: QWidget | None, runner: OpRunner, *, meeting_id: int, item_id: int) -> Changes | None:
    """Take an item off the agenda (refused once the meeting decided it)."""
    return runner.run(lambda s: meeting_ops.remove_agenda_item(s, meeting_id=meeting_id, item_id=item_id),
                      parent=parent)


def move_agenda_item(parent: QWidget | None, runner: OpRunner, *, meeting_id: int, item_id: int,
                     offset: int) -> Changes | None:
    """Move an agenda item up (-1) or down (+1)."""
    return runner.run(lambda s: meeting_ops.move_agenda_item(s, meeting_id=meeting_id, item_id=item_id,
                                                             offset=offset), parent=parent)


def set_meeting_notes(parent: QWidget | None, runner: OpRunner, *, meeting_id: int, notes: str, next_meeting: str,
                      next_meeting_on: dt.date | None) -> Changes | None:
    """Record the meeting's overall discussion and its next meeting (次回予定)."""
    return runner.run(lambda s: meeting_ops.set_meeting_notes(s, meeting_id=meeting_id, notes=notes,
                                                              next_meeting=next_meeting,
                                                              next_meeting_on=next_meeting_on), parent=parent)


def record_outcome(parent: QWidget | None, runner: OpRunner, *, meeting_id: int, item_id: int, outcome: str | None,
                   decide: Status | str | None, reason: str | None,
                   notes: str | Unset = UNSET) -> Changes | None:
    """Record what the meeting did with an agenda item (and its discussion, unless ``notes`` is left out)."""
    return runner.run(lambda s: meeting_ops.record_outcome(s, meeting_id=meeting_id, item_id=item_id,
                                                           outcome=outcome, decide=decide, reason=reason, notes=notes),
                      parent=parent)


def set_item_notes(parent: QWidget | None, runner: OpRunner, *, meeting_id: int, item_id: int,
                   notes: str) -> Changes | None:
    """Record the discussion (協議内容) of one agenda item."""
    return runner.run(lambda s: meeting_ops.set_item_notes(s, meeting_id=meeting_id, item_id=item_id, notes=notes),
                      parent=parent)


def record_outcomes(parent: QWidget | None, runner: OpRunner, *, meeting_id: int, item_ids: Sequence[int],
                    outcome: str | None, decide: Status | str | None, reason: str | None) -> Changes | None:
    """Record one outcome (a decision with one reason) for several agenda items as one action, each as
    ``record_outcome`` records one (one refusal, naming the item, records none)."""
    return runner.run(lambda s: meeting_ops.record_outcomes(s, meeting_id=meeting_id, item_ids=item_ids,
                                                            outcome=outcome, decide=decide, reason=reason),
                      parent=parent)
