"""The benchmarks' timing rules. The machines are shared and noisy, so a figure is only ever
printed beside a baseline measured in the same run: A and B alternate (A B A B ...), each side
keeps its medians and minimums, and the machine's load average is printed with them.

Every tree a benchmark runs (this one, and each ``checkout`` of an earlier revision) is compiled
to bytecode first, as an installed or packaged copy is: where ``PYTHONDONTWRITEBYTECODE`` is set
(these machines set it) each process would otherwise compile the project's ~60 modules from
source, ~0.1 s per CLI call that no user pays."""
from __future__ import annotations

import compileall
import os
import resource
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "benchmarks" / "floors.py"  # the fixed stack's floor processes (see floors.py)
_COMPILED: list[Path] = []

# LibreOffice's CSV export in UTF-8 (comma, double quotes; 76 = UTF-8), so that its rows can be
# compared with what the import stored; without the options it writes the locale's charset.
LO_CSV = "csv:Text - txt - csv (StarCalc):44,34,76"


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The shortest wall time, in seconds, of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def load() -> str:
    """The 1-minute load average and the number of cores, for printing beside a figure."""
    return f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


@dataclass
class Sample:
    """The wall and CPU seconds of one side's runs."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)

    def median(self, what: str = "wall") -> float:
        return statistics.median(getattr(self, what))

    def best(self, what: str = "wall") -> float:
        return min(getattr(self, what))

    def text(self, what: str = "wall") -> str:
        values = getattr(self, what)
        return f"{statistics.median(values):.3f} s (min {min(values):.3f})"


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _self_cpu() -> float:
    return time.process_time()


def timed(fn: Callable[[], object], sample: Sample) -> object:
    """Run ``fn`` once, adding its wall time and CPU (this process and its children) to ``sample``."""
    c0, s0, t0 = _children_cpu(), _self_cpu(), time.perf_counter()
    out = fn()
    t1 = time.perf_counter()
    sample.wall.append(t1 - t0)
    sample.cpu.append(_children_cpu() - c0 + _self_cpu() - s0)
    sample.loads.append(os.getloadavg()[0])
    return out


def interleaved(sides: dict[str, Callable[[], object]], rounds: int, *,
                before: Callable[[str], object] | None = None) -> dict[str, Sample]:
    """Run each side once per round, in turn (A B A B ...), ``before(name)`` untimed before each run."""
    samples = {name: Sample() for name in sides}
    for _ in range(rounds):
        for name, fn in sides.items():
            if before is not None:
                before(name)
            timed(fn, samples[name])
    return samples


def run_process(argv: Sequence[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a whole process (start-up and exit included), output discarded, failure raised; this
    tree is compiled to bytecode before the first one."""
    if not _COMPILED:
        _COMPILED.append(precompile(ROOT))
    return subprocess.run(list(argv), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)


def ratio_line(label: str, ours: Sample, base: Sample, base_label: str, what: str = "wall") -> str:
    """One printed figure: ours, the same-run baseline, their ratio of medians, the load."""
    ratio = base.median(what) / ours.median(what)
    loads = ours.loads + base.loads
    return (f"{label}: {ours.text(what)} | {base_label}: {base.text(what)} | "
            f"ratio {ratio:.2f}x ({'faster' if ratio >= 1 else 'slower'}) | "
            f"load {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores, {len(ours.wall)} interleaved pairs")


def precompile(tree: Path) -> Path:
    """Write the bytecode of a tree's packages (``cloudsuppress``, ``ui``, ``main.py``), as pip does
    for an installed package and PyInstaller for the packaged app; returns ``tree``."""
    for name in ("cloudsuppress", "ui"):
        if (tree / name).is_dir():
            compileall.compile_dir(tree / name, quiet=1, workers=1)
    if (tree / "main.py").exists():
        compileall.compile_file(tree / "main.py", quiet=1)
    return tree


def checkout(rev: str, work: Path) -> Path:
    """The tree of ``rev`` in a folder of its own, compiled to bytecode."""
    tree = work / f"tree-{rev}"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return precompile(tree)

