"""Never frozen (issue #14): while the demo is created and while a 30,000-function list is read,
checked and imported, the event loop keeps turning — a 20 ms timer keeps firing, so windows
repaint and the busy dialog shows. Before, 「デモデータで試す」 ran on the UI thread for 3–4 s."""
from __future__ import annotations

import time
from itertools import pairwise

import pytest
from PySide6.QtCore import QTimer

from cloudsuppress.ops import consortium as consortium_ops
from cloudsuppress.store.db import open_database

# The most work the UI thread may do without returning to its event loop: the issue's "never
# frozen" line. Measured in the UI thread's own CPU time between two ticks of a 20 ms timer, so
# that a machine busy with other work (wall-clock gaps) does not count as the app freezing.
MAX_BUSY = 0.3
ATTEMPTS = 3  # a timing on a shared machine is taken up to three times; a real freeze fails every time


def best_of(attempt) -> float:
    """Run ``attempt()`` (which makes its functional assertions and returns the UI thread's longest
    busy stretch) until one stays under MAX_BUSY, at most ATTEMPTS times; the smallest figure seen."""
    best = float("inf")
    for _ in range(ATTEMPTS):
        best = min(best, attempt())
        if best < MAX_BUSY:
            break
    return best


class Ticker:
    """Records each firing of a 20 ms timer; ``max_busy`` is the most CPU time the UI thread spent
    between two firings (work done without the event loop turning), ``max_gap`` the wall time."""

    def __init__(self):
        self.marks: list[tuple[float, float]] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._mark)

    def _mark(self) -> None:
        self.marks.append((time.perf_counter(), time.thread_time()))

    def __enter__(self):
        self._mark()
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.stop()
        self._mark()

    @property
    def ticks(self) -> int:
        return len(self.marks) - 2

    @property
    def duration(self) -> float:
        return self.marks[-1][0] - self.marks[0][0]

    @property
    def max_busy(self) -> float:
        return max(b[1] - a[1] for a, b in pairwise(self.marks))

    @property
    def max_gap(self) -> float:
        return max(b[0] - a[0] for a, b in pairwise(self.marks))


@pytest.fixture(scope="module")
def big_function_list(tmp_path_factory):
    """30,000 functions over the 33 Ibaraki business systems, in the layout real lists use."""
    from benchmarks.generate import preset_systems
    from cloudsuppress.demo import generate_function_records
    from cloudsuppress.reports.function_list_xlsx import write_function_list_xlsx

    path = tmp_path_factory.mktemp("big") / "functions-30000.xlsx"
    records = generate_function_records(preset_systems(), 30_000, gaps=37, convenience=1200)
    write_function_list_xlsx(path, records, title="パッケージ機能一覧（合成データ 30,000 機能）")
    return path


def test_demo_creation_keeps_the_window_alive(qtbot, tmp_path, app_font, settings_file):
    from ui.dialogs.first_run_wizard import FirstRunWizard

    def attempt() -> float:
        folder = tmp_path / f"try{len(list(tmp_path.iterdir()))}"
        folder.mkdir()
        wizard = FirstRunWizard(folder=folder)
        qtbot.addWidget(wizard)
        wizard.show()
        with Ticker() as ticks:
            wizard.start_page.demo_button.click()
        assert wizard.database is not None
        try:
            assert ticks.duration > 0.5 and ticks.ticks > 5  # real work was measured, and the loop turned
            return ticks.max_busy
        finally:
            wizard.database.close()

    busy = best_of(attempt)
    assert busy < MAX_BUSY, f"the UI thread worked {busy:.2f} s without its event loop"


def test_a_30000_function_import_keeps_the_window_alive(qtbot, tmp_path, app_font, big_function_list,
                                                        no_message_boxes):
    from ui.dialogs.import_functions_dialog import ImportFunctionsDialog
    from ui.main_window import MainWindow
    from ui.op_runner import OpRunner

    worst: dict[str, float] = {}

    def attempt() -> float:
        db = open_database(tmp_path / f"big{len(worst)}-{len(list(tmp_path.iterdir()))}.sqlite")
        with db.session() as s, s.begin():
            consortium_ops.create_consortium(s, name="大きな協議会", preset="ibaraki33")
        runner = OpRunner(db)
        window = MainWindow(runner)
        qtbot.addWidget(window)
        window.show()
        dialog = ImportFunctionsDialog(runner, window)
        qtbot.addWidget(dialog)
        try:
            with Ticker() as reading:
                assert dialog.load_file(big_function_list)
            with Ticker() as importing:
                dialog.import_now()
            assert dialog.applied is not None, no_message_boxes
            assert window.functions.model.rowCount() == 30_000 or "30,000" in window.count_label.text()
            for what, ticks in (("reading the file", reading), ("checking and importing", importing)):
                assert ticks.ticks > 5, what
                worst[what] = ticks.max_busy
            return max(reading.max_busy, importing.max_busy)
        finally:
            window.close()
            db.close()

    busy = best_of(attempt)
    assert busy < MAX_BUSY, f"the UI thread worked {busy:.2f} s without its event loop (last try: {worst})"


def test_a_long_read_can_be_cancelled(qtbot, app_font):
    """A read that changes nothing (a spreadsheet) offers 中止 once its busy dialog shows; pressing it
    returns control at once (Cancelled, which the runner never shows as an error)."""
    import threading

    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

    from ui.op_runner import Cancelled, run_in_worker

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    release = threading.Event()
    pressed = []

    def press_cancel():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(50, press_cancel)
            return
        [button] = [b for b in dialogs[0].findChildren(QPushButton) if b.isVisible()]
        pressed.append(button.text())
        button.click()

    QTimer.singleShot(100, press_cancel)
    started = time.perf_counter()
    with pytest.raises(Cancelled):
        run_in_worker(lambda: release.wait(20), parent=window, label="読み込んでいます…", cancellable=True)
    assert pressed == ["中止"]
    assert time.perf_counter() - started < 5  # not the 20 s the read would have taken
    release.set()


@pytest.fixture(scope="module")
def big_database(tmp_path_factory, big_function_list):
    """A consortium with the 30,000 functions (about 20 MB), closed: opening it checks and backs it up."""
    from cloudsuppress.importers.function_list import guess_mapping, parse_function_list
    from cloudsuppress.importers.tabular import read_table
    from cloudsuppress.ops import functions as function_ops

    path = tmp_path_factory.mktemp("bigdb") / "大きな協議会.sqlite"
    db = open_database(path)
    with db.session() as s, s.begin():
        consortium_ops.create_consortium(s, name="大きな協議会", preset="ibaraki33")
    table = read_table(big_function_list)
    parsed = parse_function_list(table, guess_mapping(table))
    with db.session() as s, s.begin():
        function_ops.apply_function_import(s, function_ops.plan_function_import(s, parsed, spec_version="合成"))
    db.close()
    return path


def test_opening_a_large_database_keeps_the_window_alive(qtbot, tmp_path, app_font, big_database, settings_file,
                                                         no_message_boxes, monkeypatch):
    """ファイル > 開く…: the file's check, its backup at open and its migrations run on a worker thread (a
    140 MB file took 1.2–4.1 s on the UI thread); this 20 MB one is quicker, so the thread is checked too."""
    import threading

    from ui import database_menu
    from ui.main_window import MainWindow
    from ui.op_runner import OpRunner

    threads = []
    real_open = database_menu.open_database
    monkeypatch.setattr(database_menu, "open_database",
                        lambda *a, **k: threads.append(threading.current_thread()) or real_open(*a, **k))

    def attempt() -> float:
        small = open_database(tmp_path / f"small{len(threads)}-{len(list(tmp_path.iterdir()))}.sqlite")
        with small.session() as s, s.begin():
            consortium_ops.create_consortium(s, name="小さな協議会", preset="empty")
        window = MainWindow(OpRunner(small))
        qtbot.addWidget(window)
        window.show()
        with Ticker() as opening:
            assert window.open_database_file(big_database)
        try:
            assert "大きな協議会" in window.windowTitle()
            assert threads and all(t is not threading.main_thread() for t in threads)
            assert opening.ticks > 5, "the event loop turned while the file was checked and backed up"
            return opening.max_busy
        finally:
            window.close()
            window.runner.db.close()

    busy = best_of(attempt)
    assert busy < MAX_BUSY, f"the UI thread worked {busy:.2f} s without its event loop"
