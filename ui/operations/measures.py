"""The Toyama measures: a member's 庁内説明会 (measure 1) and vendor-selection events and their
attendance (measure 2)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.ops import measures as measure_ops

from ..op_runner import OpRunner


def record_briefing(parent: QWidget | None, runner: OpRunner, *, member_id: int, held_on: dt.date, attendees: int,
                    notes: str) -> Changes | None:
    """Record a member's 庁内説明会."""
    return runner.run(lambda s: measure_ops.record_briefing(s, member_id=member_id, held_on=held_on,
                                                            attendees=attendees, notes=notes), parent=parent)


def update_briefing(parent: QWidget | None, runner: OpRunner, *, briefing_id: int, held_on: dt.date, attendees: int,
                    notes: str, expected_version: int) -> Changes | None:
    """Correct a briefing's date, number attending and notes against the version shown."""
    return runner.run(lambda s: measure_ops.update_briefing(s, briefing_id=briefing_id, held_on=held_on,
                                                            attendees=attendees, notes=notes,
                                                            expected_version=expected_version), parent=parent)


def delete_briefing(parent: QWidget | None, runner: OpRunner, *, briefing_id: int) -> Changes | None:
    """Delete a briefing recorded by mistake."""
    return runner.run(lambda s: measure_ops.delete_briefing(s, briefing_id=briefing_id), parent=parent)


def record_selection_attendance(parent: QWidget | None, runner: OpRunner, *, event: str, held_on: dt.date,
                                member_id: int, person: str, section: str) -> Changes | None:
    """Record that a member's staff member attended a selection event (a new event is created)."""
    return runner.run(lambda s: measure_ops.record_selection_attendance(
        s, event=event, held_on=held_on, member_id=member_id, person=person, section=section), parent=parent)


def create_selection_event(parent: QWidget | None, runner: OpRunner, *, name: str,
                           held_on: dt.date) -> Changes | None:
    """Register a vendor-selection event before anyone attends it."""
    return runner.run(lambda s: measure_ops.create_selection_event(s, name=name, held_on=held_on), parent=parent)


def delete_selection_event(parent: QWidget | None, runner: OpRunner, *, event_id: int) -> Changes | None:
    """Delete a selection event registered by mistake (refused while attendances are recorded)."""
    return runner.run(lambda s: measure_ops.delete_selection_event(s, event_id=event_id), parent=parent)


def remove_selection_attendee(parent: QWidget | None, runner: OpRunner, *, attendee_id: int) -> Changes | None:
    """Delete an attendance recorded by mistake."""
    return runner.run(lambda s: measure_ops.remove_selection_attendee(s, attendee_id=attendee_id), parent=parent)
