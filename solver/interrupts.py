"""SIGTERM handled as Ctrl-C, and sections that neither may cut in half.

`timeout`, `docker stop` and job schedulers end a process with SIGTERM, whose default action kills it on the spot:
sandboxes, temporary folders and half-written records would be left behind. Turned into KeyboardInterrupt, it
unwinds through every `with` and `finally` exactly as Ctrl-C does, and the CLI exits 130.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()  # only it may set signal handlers


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM and SIGINT raise KeyboardInterrupt in the main thread; the old handlers are
    restored after. SIGINT is set too because a process started in the background by a script inherits it ignored
    (POSIX shells do that without job control), and then Ctrl-C or `kill -INT` would do nothing."""
    if not _main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _raise_interrupt) for signum in _SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then act on the first that came as its handler would have.

    Blocking the signals with a signal mask is not enough: a process-directed signal then goes to another thread
    (the executor has several), and CPython still runs the handler in the main thread.
    """
    if not _main_thread():
        yield
        return
    caught: list[int] = []
    previous: dict[int, Callable[..., Any] | int | None] = {}
    for signum in _SIGNALS:
        previous[signum] = signal.signal(signum, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if caught:
            handler = previous[caught[0]]
            if callable(handler):
                handler(caught[0], None)
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), caught[0])  # the default action (termination), now that the block is done
