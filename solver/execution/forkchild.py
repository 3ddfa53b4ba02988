"""What a forked run does, from the fork to its exit: confine itself, then become `python3 solution.py` (or exec a
compiled program when there is no launcher).

Runs inside the sandbox next to forkserver.py (stdlib only; loaded by path, see forkserver.load_sibling). The
server prepares everything a child needs before it forks, so that the child writes to as few of the server's pages
as possible: each one it touches is a copy-on-write fault (~2-3 us here).
"""

import _io
import _signal
import atexit
import ctypes
import io
import marshal
import os
import resource
import struct
import sys
import time
import types

PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP = 1, 38, 22
SECCOMP_MODE_FILTER = 2
SECCOMP_FILTER_FLAG_SPEC_ALLOW = 4
SYS_SECCOMP = {"x86_64": 317, "aarch64": 277}
BINARY_ENVIRONMENT = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/tmp"}
SETUP_FAILED = 126  # exit code of a child whose setup failed (the error pipe says why)
COMPILE_SECONDS = struct.Struct("<d")  # in a code record, after its first byte


class Child:
    """The confinement of every run of one server: the seccomp filter, and confine.so when it was built."""

    def __init__(self, bpf, confine_path, confine_steps, streams):
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
        self.libc.syscall.argtypes = [ctypes.c_long, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]

        class SockFprog(ctypes.Structure):
            _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

        self._bpf_buffer = ctypes.create_string_buffer(bpf, len(bpf))
        self._fprog = SockFprog(len(bpf) // 8, ctypes.addressof(self._bpf_buffer))
        self.fprog_address = ctypes.addressof(self._fprog)
        self.seccomp_syscall = SYS_SECCOMP.get(os.uname().machine)
        self.confine = self.confinement = None
        if confine_path:

            class Confinement(ctypes.Structure):  # struct confinement in confine.py
                _fields_ = [("fds", ctypes.c_int * 5), ("keep", ctypes.c_int),
                            ("limits", (ctypes.c_ulonglong * 2) * 6), ("filter", ctypes.c_void_p)]  # fmt: skip

            self.confine = ctypes.CDLL(confine_path, use_errno=True).confine
            self.confine.argtypes, self.confine.restype = [ctypes.c_void_p], ctypes.c_int
            self.confinement = Confinement(filter=self.fprog_address)
            self.confinement.fds[:4] = streams  # stdin, stdout, stderr, error pipe: the same for every run
            self.confinement_address = ctypes.addressof(self.confinement)
            self.confine_steps = confine_steps

    # -- in the server, before the fork ------------------------------------------------------------------------
    def prepare_batch(self, limits):
        if self.confinement is not None:
            for k, pair in enumerate(rlimit_values(limits)):
                self.confinement.limits[k][:] = pair

    def prepare_run(self, code_fd):
        if self.confinement is not None:
            self.confinement.fds[4] = -1 if code_fd is None else code_fd
            self.confinement.keep = 4 if code_fd is None else 5

    # -- in the child --------------------------------------------------------------------------------------------
    def run(self, kind, target, limits, fds):
        """Never returns. `fds`: stdin, stdout, stderr, error pipe, code record (None unless compiling)."""
        stdin, stdout, stderr, error_write, code_fd = fds
        try:
            if kind == "binary":
                # Python ignores these two; an exec'd program must get the defaults back.
                _signal.signal(_signal.SIGPIPE, _signal.SIG_DFL)
                _signal.signal(_signal.SIGXFSZ, _signal.SIG_DFL)
            if self.confine is not None:  # everything below in one C call, with the fields set before the fork
                step = self.confine(self.confinement_address)
                if step:
                    number = ctypes.get_errno()
                    raise OSError(number, f"{os.strerror(number)} ({self.confine_steps[step]})")
            else:
                os.setpgid(0, 0)
                for fd, std in ((stdin, 0), (stdout, 1), (stderr, 2)):
                    os.dup2(fd, std)
                os.dup2(error_write, 3, inheritable=False)
                if code_fd is not None:
                    os.dup2(code_fd, 4, inheritable=False)
                os.closerange(5 if code_fd is not None else 4, 1 << 16)
                set_rlimits(limits)
                self.lock_down()
            if kind == "binary":
                os.execve(target, [target], BINARY_ENVIRONMENT)
        except BaseException as exc:  # noqa: BLE001 - report any setup failure, then leave
            try:
                os.write(3, f"{type(exc).__name__}: {exc}".encode(errors="replace"))
            finally:
                os._exit(SETUP_FAILED)
        self.run_program(target, code_fd)

    def run_program(self, target, code_fd):
        """Confined: become the Python program (compiling it first when `code_fd` is given). Never returns."""
        os.close(3)
        try:
            if code_fd is not None:
                target = compile_in_child(target)
            run_python(target)
        finally:
            os._exit(1)  # run_python always leaves through os._exit; this is for the impossible path

    def lock_down(self):
        libc = self.libc
        if libc.prctl(PR_SET_PDEATHSIG, 9, 0, 0, 0) or libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0):
            raise OSError("prctl failed")
        # SPEC_ALLOW: where seccomp would also force the Speculative Store Bypass mitigation on, every memory access
        # gets slower; the program has nothing of anyone else's in its address space to protect that way.
        number = self.seccomp_syscall
        if number is not None and libc.syscall(number, 1, SECCOMP_FILTER_FLAG_SPEC_ALLOW, self.fprog_address) == 0:
            return
        if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, self.fprog_address, 0, 0):
            raise OSError("seccomp filter refused")


def rlimit_values(limits):
    """(soft, hard) for RLIMIT_CPU, FSIZE, NPROC, CORE, STACK and AS, in that order."""
    cpu, fsize, nproc = limits["cpu"], limits["fsize"], limits["nproc"]
    stack = resource.RLIM_INFINITY if limits["stack"] is None else limits["stack"]
    return (cpu, cpu + 1), (fsize, fsize), (nproc, nproc), (0, 0), (stack, stack), (limits["as"], limits["as"])


def set_rlimits(limits):
    names = (resource.RLIMIT_CPU, resource.RLIMIT_FSIZE, resource.RLIMIT_NPROC, resource.RLIMIT_CORE,
             resource.RLIMIT_STACK, resource.RLIMIT_AS)  # fmt: skip
    for name, pair in zip(names, rlimit_values(limits)):
        resource.setrlimit(name, pair)


def compile_in_child(source):
    """Compile under this run's limits and write the code record to fd 4 (closed before the program runs).

    Record: b"\0" + compile seconds + marshalled code, or b"\1" + the error (then we leave: a CE never runs).
    """
    started = time.perf_counter()
    try:
        code = compile(source, "solution.py", "exec", dont_inherit=True)
    except Exception as exc:  # noqa: BLE001 - SyntaxError, ValueError (NUL bytes), MemoryError...
        record = b"\1" + exception_text(exc).encode(errors="replace")
    else:
        record = b"\0" + COMPILE_SECONDS.pack(time.perf_counter() - started) + marshal.dumps(code)
    view = memoryview(record)
    while view:
        view = view[os.write(4, view) :]
    if record[:1] == b"\1":
        os._exit(0)
    os.close(4)
    text = source.decode("utf-8", errors="replace")
    return code, (len(text), None, text.splitlines(True), "solution.py")


def install_python_template():
    """Make the server look like a fresh `python3 solution.py`, once: std streams on fds 0-2, `__main__`, argv.

    Every child inherits a pristine copy and only has to dup2 its input and outputs onto fds 0-2 (setting these
    up in each child cost ~0.3 ms of a ~2 ms run, mostly in copy-on-write faults). The server itself never
    writes to these streams: buffered output would be inherited by the next child. (Its own fds 0-2 are
    /dev/null, /dev/null and its log, so a crash's traceback still lands in the log.)
    """
    (in_enc, in_err), (out_enc, out_err), (err_enc, err_err) = [(s.encoding, s.errors) for s in
                                                                (sys.stdin, sys.stdout, sys.stderr)]  # fmt: skip
    streams = (
        io.open(0, "r", encoding=in_enc, errors=in_err, newline="\n", closefd=False),
        io.open(1, "w", encoding=out_enc, errors=out_err, newline="\n", closefd=False),
        io.TextIOWrapper(io.open(2, "wb", closefd=False), encoding=err_enc, errors=err_err, newline="\n",
                         line_buffering=True),
    )  # fmt: skip
    main = types.ModuleType("__main__")
    main.__dict__.update(__file__="solution.py", __builtins__=__builtins__)
    server_main = sys.modules["__main__"]
    sys.stdin, sys.stdout, sys.stderr = sys.__stdin__, sys.__stdout__, sys.__stderr__ = streams
    sys.modules["__main__"] = main
    sys.argv[:] = ["solution.py"]
    return server_main  # the caller keeps it alive: the server's functions use its globals


def run_python(target):
    """Behave like `python3 solution.py`: exit codes, tracebacks, thread shutdown, atexit, final flush."""
    code, lines = target
    source = "".join(lines[2])  # a linecache entry: (size, mtime, lines, name)
    namespace = sys.modules["__main__"].__dict__
    status = 0
    try:
        exec(code, namespace)
    except SystemExit as exc:
        status = exit_status(exc)
    except BaseException as exc:  # noqa: BLE001 - an uncaught exception: traceback, status 1
        report_uncaught(exc, exc.__traceback__.tb_next, source)  # without our own frame
        status = 1
    try:
        threading = sys.modules.get("threading")  # imported by the program if it made threads
        if threading is not None:
            threading._shutdown()  # non-daemon threads finish, as at interpreter exit
        atexit._run_exitfuncs()
    except SystemExit as exc:
        status = exit_status(exc)
    except BaseException as exc:  # noqa: BLE001
        report_uncaught(exc, exc.__traceback__, source)
    # _io._IOBase, not io.IOBase: every io object derives from it, and isinstance against the io.IOBase ABC
    # fills the ABC's caches afresh in each child (~80 copy-on-write faults, ~0.25 ms of a ~2 ms run).
    streams = [sys.stdout, sys.stderr] + [v for v in list(namespace.values()) if isinstance(v, _io._IOBase)]
    for stream in streams:
        if stream.closed:  # a file the program closed itself (e.g. by `with open(...)`) has nothing to flush
            continue
        try:
            stream.flush()
        except BaseException:  # noqa: BLE001 - CPython exits 120 when the final flush fails
            status = status or 120
    os._exit(status)


def exception_text(exc, tb=None):
    """What python3 prints for an uncaught `exc` raised through `tb` (None: a compile error), as text.

    CPython's own display (in C), not the traceback module: that one would bring `re`, `tokenize` and more into the
    image every run forks from, and python3 prints with the C one anyway.
    """
    saved, exc.__traceback__ = sys.stderr, tb
    sys.stderr = buffer = io.StringIO()
    try:
        sys.__excepthook__(type(exc), exc, tb)
    finally:
        sys.stderr = saved
    return buffer.getvalue()


def report_uncaught(exc, tb, source):
    """Print an uncaught exception to stderr as `python3 solution.py` would, quoting the program's lines.

    The display reads them from solution.py in the working directory, so the file is there while it prints (as it
    is next to a program a judge runs), unless the program made one of its own or cannot have one written.
    """
    placed = False
    try:
        with open("solution.py", "x", encoding="utf-8") as handle:
            handle.write(source)
        placed = True
    except (OSError, ValueError):
        pass
    exc.__traceback__ = tb
    try:
        sys.excepthook(type(exc), exc, tb)  # the program may have set its own hook
    except BaseException:  # noqa: BLE001 - as CPython falls back to its own display
        sys.__excepthook__(type(exc), exc, tb)
    finally:
        if placed:
            try:
                os.unlink("solution.py")
            except OSError:
                pass


def exit_status(exc):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        print(code, file=sys.stderr)
    except BaseException:  # noqa: BLE001
        pass
    return 1
