"""Successful openat calls from an `strace -f -e trace=openat` log, for report.py.

strace -f interleaves threads: a call another thread interrupts is written as
`PID openat(..., "PATH", FLAGS <unfinished ...>` and finished later as
`PID <... openat resumed>) = FD`; the two are joined by PID. Standard library only.
"""
import os
import re
from collections import defaultdict

OPEN = re.compile(r'^(\d+)\s+openat\([^,]+, "((?:[^"\\]|\\.)*)", ([^)<]*?)(?:\)\s+=\s+(-?\d+)|\s*<unfinished \.\.\.>)')
RESUMED = re.compile(r"^(\d+)\s+<\.\.\. openat resumed>.*\)\s+=\s+(-?\d+)")


def opens(strace_path):
    """Successful openat calls in the order they returned, as (path, is a directory)."""
    events = []
    pending = {}
    with open(strace_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = OPEN.match(line)
            if m:
                pid, path, flags, result = m.groups()
                if result is None:
                    pending[pid] = (path, flags)
                    continue
            else:
                r = RESUMED.match(line)
                if not r or r.group(1) not in pending:
                    continue
                pid, result = r.groups()
                path, flags = pending.pop(pid)
            if int(result) >= 0:
                events.append((os.path.normpath(path), "O_DIRECTORY" in flags))
    return events


def split_at_manifest(events, study_file):
    """Counts of file opens by the steps and by the manifest. The review opens the study file
    first to parse it; its next open is the manifest's SHA-256 of it, and the manifest (which
    hashes every input) is made after every step has run: opens from there on are the manifest's."""
    study_file = os.path.normpath(study_file)
    seen, cut = 0, len(events)
    for i, (path, _) in enumerate(events):
        if path == study_file:
            seen += 1
            if seen == 2:
                cut = i
                break
    steps, manifest, dirs = defaultdict(int), defaultdict(int), defaultdict(int)
    for i, (path, is_dir) in enumerate(events):
        if is_dir:
            dirs[path] += 1
        else:
            (steps if i < cut else manifest)[path] += 1
    return steps, manifest, dirs
