"""The guide's presentation-mode pictures (docs/guide-presentation.png at 1920×1080, the projector,
and docs/guide-presentation-1366.png at 1366×768, the laptop), from a fresh demo database.

    QT_QPA_PLATFORM=offscreen python scripts/guide_screenshots.py [--out docs]

The meeting shown is the demo's latest held meeting with items still to decide (a meeting not yet
held takes no outcomes, and the picture would show its notice), on its first undecided item, with
the decision controls (keys 1〜6, Z, H, Esc) under the slide as the app shows them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "docs")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from laptop_screenshots import demo_app  # this folder is first on the path when a script runs

    from cloudsuppress.ops.meeting_queries import list_meetings
    from ui.views.presentation_view import PresentationView

    app, runner = demo_app("guide-screenshots")
    held = [m for m in runner.read(list_meetings) if m.held_on <= dt.date.today() and m.agenda_count]
    meeting = max(held, key=lambda m: (m.decided_count < m.agenda_count, m.held_on))  # the latest with items to decide
    for name, (width, height) in (("guide-presentation.png", (1920, 1080)), ("guide-presentation-1366.png", (1366, 768))):
        view = PresentationView(runner, meeting.id)
        view.resize(width, height)
        view.show()
        items = view.canvas.presentation.items
        view.go(next((n for n, it in enumerate(items) if it.row.outcome is None), 0))
        for _ in range(6):
            app.processEvents()
        path = args.out / name
        if not view.grab().save(str(path)):
            raise SystemExit(f"cannot write {path}")
        print(path, f"({meeting.label}, {width}x{height})")
        view.close()
    runner.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
