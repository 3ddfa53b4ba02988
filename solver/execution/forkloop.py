"""The fork-server's side of runloop.so: runs a batch of an already compiled Python program in C.

Runs inside the sandbox next to forkserver.py (stdlib only; loaded by path). See runloop.py for why, and for
`struct batch`, which `Batch` mirrors.
"""

import ctypes
import os

CHILD, DONE, REQUEST, SLOW, FAILED = range(5)  # what run_batch returns


class Batch(ctypes.Structure):
    _fields_ = [
        ("inputs", ctypes.POINTER(ctypes.c_char_p)), ("sizes", ctypes.POINTER(ctypes.c_ulonglong)),
        ("count", ctypes.c_int), ("next", ctypes.c_int),
        ("stdin_fd", ctypes.c_int), ("stdout_fd", ctypes.c_int), ("stderr_fd", ctypes.c_int),
        ("error_fd", ctypes.c_int), ("request_fd", ctypes.c_int), ("reply_fd", ctypes.c_int),
        ("scratch_fd", ctypes.c_int), ("scratch_mode", ctypes.c_uint),
        ("time_limit", ctypes.c_double), ("wall_limit", ctypes.c_double), ("after_fork", ctypes.c_void_p),
        ("confine", ctypes.c_void_p), ("confinement", ctypes.c_void_p),
        ("keep_stdout", ctypes.c_longlong), ("keep_stderr", ctypes.c_longlong),
        ("index", ctypes.c_int), ("status", ctypes.c_int), ("killed", ctypes.c_int), ("fork_errno", ctypes.c_int),
        ("error", ctypes.c_int), ("confined", ctypes.c_int),
        ("cpu", ctypes.c_double), ("wall", ctypes.c_double), ("maxrss", ctypes.c_longlong),
    ]  # fmt: skip


class NativeLoop:
    """Runs inputs of a batch in C until something needs the Python loop (see `run`)."""

    def __init__(self, path, fds, request_fd, reply_fd, scratch, confine=None, confinement=None):
        """`confine`, `confinement`: confine.so's function and its struct's address, for the child to call in C."""
        # PyDLL: the call keeps the GIL, so a child leaves it as os.fork leaves one (holding it, single-threaded).
        self.run_batch = ctypes.PyDLL(path).run_batch
        self.run_batch.argtypes, self.run_batch.restype = [ctypes.c_void_p], ctypes.c_int
        self.batch = Batch()
        b = self.batch
        b.after_fork = ctypes.cast(ctypes.pythonapi.PyOS_AfterFork_Child, ctypes.c_void_p).value
        if confine is not None:
            b.confine, b.confinement = ctypes.cast(confine, ctypes.c_void_p).value, confinement
        b.stdin_fd, b.stdout_fd, b.stderr_fd, b.error_fd = fds
        b.request_fd, b.reply_fd = request_fd, reply_fd
        b.scratch_fd = os.open(scratch, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        b.scratch_mode = os.fstat(b.scratch_fd).st_mode & 0o7777
        self.address = ctypes.addressof(b)

    def start(self, inputs, limits):
        """A new batch: its inputs (C reads them in place) and limits."""
        b, count = self.batch, len(inputs)
        # Assigned as they are (the structure keeps them alive): ctypes.cast would tie each array into a reference
        # cycle with the inputs, which then wait for a full collection while the heap grows (and every child
        # faults on more of it).
        b.inputs = (ctypes.c_char_p * count)(*inputs)
        b.sizes = (ctypes.c_ulonglong * count)(*map(len, inputs))
        b.count, b.next = count, 0
        b.time_limit, b.wall_limit = limits["time"], limits["wall"]
        b.keep_stdout, b.keep_stderr = limits["keep_stdout"], limits["keep_stderr"]

    def run(self, start):
        """Run inputs `start`... Returns (what, index): CHILD in a forked child for input `index` (CPython's
        after-fork hook has run, and confine() if `batch.confined`: the caller must become the program); DONE;
        REQUEST before input `index` (a frame waits); SLOW for input `index`, which ran (or could not start:
        `fork_errno`) and is the caller's to finish. Runs before `index` have been reported."""
        self.batch.next = start
        what = self.run_batch(self.address)
        if what == FAILED:
            raise OSError(self.batch.error, f"run loop: {os.strerror(self.batch.error)}")
        return what, (self.batch.next if what in (DONE, REQUEST) else self.batch.index)

    def facts(self):
        """The SLOW run's wait status, CPU seconds, peak memory (bytes), wall seconds and what killed it."""
        b = self.batch
        return b.status, b.cpu, b.maxrss, b.wall, (None, "cpu", "wall")[b.killed]
