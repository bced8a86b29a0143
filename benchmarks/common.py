"""What every benchmark needs: the machine, the corpora, timing statistics, child processes and RSS."""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import tarfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BBC = SHARED / "corpus" / "bbc"
REUTERS_TAR = SHARED / "corpus" / "reuters21578.tar.gz"


def machine() -> str:
    """One line: CPU model, cores, memory, OS and Python."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        memory = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"{cpu}, {cores} cores{memory}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(0.95 * len(ordered)) - 1))]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bbc_files() -> list[Path]:
    return sorted(p for p in BBC.rglob("*.txt") if p.name != "README.TXT")


def extract_reuters(dest: Path, limit: int | None = None) -> Path:
    """Unpack the Reuters articles (only the NNNNN.txt files) into dest; returns their folder."""
    folder = dest / "reuters"
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    with tarfile.open(REUTERS_TAR, "r|gz") as tar:  # streamed, in archive order: one pass
        for member in tar:
            if limit is not None and count >= limit:
                break
            if member.isfile() and re.fullmatch(r"\d+\.txt", Path(member.name).name):
                member.name = Path(member.name).name
                tar.extract(member, folder, filter="data")
                count += 1
    return folder


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float  # the largest sum of RSS over the process and its children, sampled
    stdout: str
    stderr: str
    returncode: int


def _tree_rss_kb(pid: int) -> int:
    """RSS of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{p}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, AttributeError, ValueError):
            continue
    return total


def run(args: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None,
        timeout: float = 1800) -> Run:
    """Run a command, timing it and sampling the RSS of its process tree every 50 ms."""
    start = time.perf_counter()
    process = subprocess.Popen(list(args), env={**os.environ, **(env or {})}, cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss_kb(process.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        stop.set()
        sampler.join()
    return Run(time.perf_counter() - start, peak / 1024, out, err, process.returncode)


def reader_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "reader", *args]
