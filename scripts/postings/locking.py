"""One writer at a time per data dir: an exclusive, non-blocking file lock."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from postings.errors import LockBusyError


@contextmanager
def data_dir_lock(root: Path, command: str) -> Iterator[None]:
    """Hold ``<root>/.postings.lock`` for the duration; raise LockBusyError at once if it is held.

    The lock is released by the kernel when the process dies, so a killed run never leaves it stuck.
    """
    root.mkdir(parents=True, exist_ok=True)
    path = root / ".postings.lock"
    handle = path.open("a+")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another postings command"
            raise LockBusyError(f"{root} is busy: {holder} is running; not starting '{command}'") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"'postings {command}' (pid {os.getpid()})")
        handle.flush()
        yield
    finally:
        handle.close()
