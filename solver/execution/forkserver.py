"""The fork-server: runs inside one worker's sandbox and executes untrusted programs, one child per (program, input).

Started as `/usr/bin/python3 -I -S forkserver.pyc REQUEST_FD REPLY_FD` (stdlib only, no `solver` imports: it runs
in a sandbox that holds nothing but /usr; its neighbours forkmemory.py and forkchild.py are loaded by path). Forking
a warm, lean interpreter is what makes a Python run cost a few milliseconds instead of a fresh interpreter's ~20 ms;
the common contest modules are imported once here so that the children find them already loaded. What a child does
after the fork is in forkchild.py.

Each run: its own process group; stdin is a private copy of the input (a regular, seekable memfd with no name),
stdout and stderr are memfds capped by RLIMIT_FSIZE; rlimits (AS, CPU, FSIZE, NPROC, CORE, STACK); no_new_privs
plus the supervisor's precompiled seccomp filter. A Python program runs in a forked child as `__main__`; a compiled
one is started through the launcher (launcher.py) with posix_spawn, so the interpreter is not copied for it.
The server enforces CPU time (by polling the child's CPU clock) and wall time, then kills everything else left in
the sandbox and reports raw facts; the supervisor turns them into a `Status`.

Requests and replies are framed as framing.py says.
"""

import _signal
import marshal
import os
import select
import sys
import time
import types

PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER = 4, 36
forkchild = forkloop = framing = None  # neighbours, loaded by `main`
BINARY_ENVIRONMENT = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/tmp"}
# Compiled programs kept (oldest evicted first). Few: every fork copies the page table entries of all the server holds
# (256 cached programs held 1.6 MB, a quarter more), and compiling again costs a program's first run only ~1 ms.
MAX_CODES = 32

class Server:
    """One sandbox's server: reads requests, runs each input in a fresh child, reports, cleans up."""

    def __init__(self, request_fd, reply_fd, init):
        self.request_fd, self.reply_fd = request_fd, reply_fd
        self.requests = select.poll()
        self.requests.register(request_fd, select.POLLIN)
        self.exit_poller = select.poll()  # a child's pidfd, while it runs
        # Every run's standard streams: memfds (regular, seekable files; stdout and stderr capped by RLIMIT_FSIZE),
        # emptied between runs, and a pipe for setup errors. Made once: creating and closing them per run cost more.
        # Nothing a run does to them outlives it: its processes are all gone before the next run starts.
        self.stdin, self.stdout, self.stderr = (os.memfd_create(name) for name in ("stdin", "stdout", "stderr"))
        self.error_read, self.error_write = os.pipe()
        self.error_poller = select.poll()
        self.error_poller.register(self.error_read, select.POLLIN)
        self.kill_namespace = init["kill_namespace"]  # kill(-1) is confined to our pid namespace
        self.scratch = init["scratch"]
        self.scratch_mode = os.stat(self.scratch).st_mode & 0o7777  # a run may chmod it; the next must not care
        self.launcher = init.get("launcher")  # spawns compiled programs without forking us (see launcher.py)
        streams = (self.stdin, self.stdout, self.stderr, self.error_write)
        self.forked = forkchild.Child(init["_seccomp"], init.get("confine"), init.get("confine_steps"), streams)
        self.bpf_fd = os.memfd_create("seccomp")  # handed to the launcher as fd 3
        framing.write_all(self.bpf_fd, init["_seccomp"])
        for fd in (request_fd, reply_fd):
            os.set_inheritable(fd, False)  # posix_spawn children must inherit only what we hand them
        self.codes = {}  # program id -> (code object, linecache entry), insertion-ordered
        self.loop = None  # runs compiled Python programs in C (runloop.so), where kill(-1) is safe to use
        if init.get("runloop") and self.kill_namespace:
            fds, forked = (self.stdin, self.stdout, self.stderr, self.error_read), self.forked
            confine = (forked.confine, forked.confinement_address) if forked.confine is not None else (None, None)
            self.loop = forkloop.NativeLoop(init["runloop"], fds, request_fd, reply_fd, self.scratch, *confine)
        self.own_main = forkchild.install_python_template()
        self.forked.libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)  # nobody may ptrace us or read our memory
        self.forked.libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)  # orphans come back to us, so we can reap them

    # -- the request loop ------------------------------------------------------------------------------------
    def serve(self):
        while True:
            try:
                header, blobs = framing.read_request(self.request_fd)
            except EOFError:
                return
            op = header["op"]
            if op == "run":
                self.handle_run(header, blobs)
            elif op == "pycompile":
                target, message = self.python_code(header["program"], blobs[0])
                code = [marshal.dumps(target[0])] if target is not None else []  # for the other workers
                self.reply({"op": "compiled", "ok": target is not None, "message": message}, code)
            elif op == "stop":
                continue  # for a batch that had already ended
            elif op == "exit":
                return
            else:
                raise ValueError(f"unknown op {op!r}")

    def reply(self, header, blobs=()):
        framing.write_all(self.reply_fd, framing.encode_reply(header, blobs))

    def handle_run(self, header, blobs):
        """Run a batch without pausing; between runs, honour a `stop` frame for this batch; end with `batch_end`.

        A Python batch opens with the compile verdict. A program this server has not seen is compiled by its first
        run's child, which hands the code back before running it (see `compile_in_child`): one fork fewer per
        program, and compile time counts as run time, as with `python3 solution.py` on a judge.
        """
        limits, batch, kind = header["limits"], header["batch"], header["kind"]
        self.forked.prepare_batch(limits)
        given = blobs[1] if header.get("code") else None  # compiled by another worker's server (our own compiler)
        target, inputs = header.get("path"), blobs[2:] if header.get("code") else blobs[1:]
        compiling = announce = False
        if kind == "python":
            target = self.codes.get(header["program"])
            if target is None and given is not None:
                try:
                    target = self.remember(header["program"], blobs[0], marshal.loads(given))
                except (ValueError, EOFError, TypeError):
                    target = None  # then compile it here
            compiling = announce = target is None
            if not inputs and compiling:  # nothing to run: compile on its own
                target, message = self.python_code(header["program"], blobs[0])
                self.reply({"op": "compiled", "ok": target is not None, "message": message, "seconds": 0.0,
                            "cached": False})  # fmt: skip
            elif not compiling:
                self.reply({"op": "compiled", "ok": True, "message": "", "seconds": 0.0, "cached": True})
        ran = index = 0
        native = self.loop is not None and kind == "python"
        if native:
            self.loop.start(inputs, limits)
        while index < len(inputs):
            if native and not compiling:  # the common case: a compiled program, in C (see runloop.py)
                self.forked.prepare_run(None)
                start = index
                what, index = self.loop.run(start)
                ran += index - start  # reported by the loop
                if what == forkloop.CHILD:  # never returns
                    if self.loop.batch.confined:
                        self.forked.run_program(target, None)
                    fds = (self.stdin, self.stdout, self.stderr, self.error_write, None)
                    self.forked.run(kind, target, limits, fds)
                if what == forkloop.DONE or (what == forkloop.REQUEST and self.stop_requested(batch)):
                    break
                if what == forkloop.REQUEST:
                    continue
                result, out, err, _ = self.finish_native_run(limits)  # SLOW: the loop hands input `index` back
            elif index and self.stop_requested(batch):
                break
            elif compiling:
                result, out, err, record = self.run_one(kind, blobs[0], limits, inputs[index], compiling=True)
                compiling, target, compiled = self.take_code(header["program"], blobs[0], record)
                if announce:  # once per batch, before its first result; with the code, for the other workers
                    self.reply(compiled, [record[9:]] if target is not None else [])
                    announce = False
                if not compiled["ok"]:
                    break
            else:
                result, out, err, _ = self.run_one(kind, target, limits, inputs[index])
            result["op"], result["index"] = "result", index
            self.reply(result, [out, err])
            ran += 1
            index += 1
        self.reply({"op": "batch_end", "batch": batch, "ran": ran})

    def take_code(self, program_id, source, record):
        """What a compiling child reported: (still compiling?, cached target, the `compiled` reply).

        The child wrote its record before it ran any of the program, so it is our own compiler's output. No record
        (the run died or hit a limit while compiling) is not a compile error: the run's own verdict tells what
        happened, and the next run compiles again, as a fresh interpreter would.
        """
        if record[:1] == b"\1":
            return False, None, {"op": "compiled", "ok": False, "message": record[1:].decode(errors="replace"),
                                 "seconds": 0.0, "cached": False}  # fmt: skip
        code = None
        if record[:1] == b"\0" and len(record) > 9:
            try:
                code = marshal.loads(record[9:])
            except (ValueError, EOFError, TypeError):
                code = None
        if code is None:
            return True, None, {"op": "compiled", "ok": True, "message": "", "seconds": 0.0, "cached": False}
        (seconds,) = forkchild.COMPILE_SECONDS.unpack(record[1:9])
        return False, self.remember(program_id, source, code), {"op": "compiled", "ok": True, "message": "",
                                                                 "seconds": seconds, "cached": False}  # fmt: skip

    def remember(self, program_id, source, code):
        if len(self.codes) >= MAX_CODES:
            del self.codes[next(iter(self.codes))]
        text = source.decode("utf-8", errors="replace")
        self.codes[program_id] = code, (len(text), None, text.splitlines(True), "solution.py")  # linecache entry
        return self.codes[program_id]

    def stop_requested(self, batch):
        """Only `stop` frames can arrive during a batch; one for an earlier batch came too late and is ignored."""
        while self.requests.poll(0):
            header, _ = framing.read_request(self.request_fd)
            if header["op"] == "stop" and header.get("batch") == batch:
                return True
        return False

    # -- Python programs -------------------------------------------------------------------------------------
    def python_code(self, program_id, source):
        """Compile once per program, in a limited child: a hostile source must not hang or crash the server."""
        if program_id in self.codes:
            return self.codes[program_id], ""
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(read_end)
                forkchild.set_rlimits({"cpu": 10, "as": 2 << 30, "fsize": 1 << 30, "nproc": 1, "stack": 64 << 20})
                try:
                    code = compile(source, "solution.py", "exec", dont_inherit=True)
                    data = b"\0" + marshal.dumps(code)
                except Exception as exc:  # noqa: BLE001 - SyntaxError, ValueError (NUL bytes), MemoryError...
                    data = b"\1" + forkchild.exception_text(exc).encode(errors="replace")
                framing.write_all(write_end, data)
            finally:
                os._exit(0)
        os.close(write_end)
        data = self.read_with_deadline(read_end, pid, 20.0)
        os.close(read_end)
        os.waitpid(pid, 0)
        if not data or data[:1] != b"\0":
            return None, (data[1:].decode(errors="replace") if data else "the Python compiler exceeded its limits")
        return self.remember(program_id, source, marshal.loads(data[1:])), ""

    def read_with_deadline(self, fd, pid, seconds):
        """Everything `pid` writes to `fd`, or b"" (and `pid` killed) if that takes longer than `seconds`."""
        deadline, chunks = time.monotonic() + seconds, []
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not poller.poll(left * 1000):
                os.kill(pid, 9)
                return b""
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    # -- one run ---------------------------------------------------------------------------------------------
    def run_one(self, kind, target, limits, data, compiling=False):
        """One run; `compiling`: target is Python source, and the child's code record is returned too."""
        stdin, stdout, stderr, error_write = self.stdin, self.stdout, self.stderr, self.error_write
        os.ftruncate(stdin, 0)
        view, written = memoryview(data), 0
        while written < len(view):  # at offset 0, wherever the last run left the file offset
            written += os.pwrite(stdin, view[written:], written)
        os.lseek(stdin, 0, os.SEEK_SET)
        code_fd = os.memfd_create("code") if compiling else None
        # Until the child's first wait, the server does almost nothing: each page it writes while the child lives
        # is copied (the fork made them all shared), so the setup of that wait happens before the fork.
        poller, pidfd_open, first_wait = self.exit_poller, os.pidfd_open, min(limits["time"], limits["wall"]) * 1000
        self.forked.prepare_run(code_fd)
        started = time.monotonic()
        try:
            if kind == "binary" and self.launcher:
                pid = self.spawn(target, limits, stdin, stdout, stderr, error_write)
            else:
                pid = os.fork()
                if pid == 0:
                    self.forked.run(kind, target, limits, (stdin, stdout, stderr, error_write, code_fd))  # no return
        except OSError as exc:
            if code_fd is not None:
                os.close(code_fd)
            return {"setup_error": f"cannot start: {exc}"}, b"", b"", b""
        pidfd = pidfd_open(pid)
        poller.register(pidfd)
        exited = poller.poll(first_wait)
        killed = None if exited else self.supervise(pid, pidfd, limits, started)
        poller.unregister(pidfd)
        os.close(pidfd)
        _, status, usage = os.wait4(pid, 0)
        wall = time.monotonic() - started
        return self.finish_run(limits, status, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, wall, killed,
                               code_fd)  # fmt: skip

    def finish_native_run(self, limits):
        """The run the C loop handed back: it could not start, or it needs cleaning up after."""
        status, cpu, maxrss, wall, killed = self.loop.facts()
        if self.loop.batch.fork_errno:
            number = self.loop.batch.fork_errno
            return {"setup_error": f"cannot start: {OSError(number, os.strerror(number))}"}, b"", b"", b""
        return self.finish_run(limits, status, cpu, maxrss, wall, killed)

    def finish_run(self, limits, status, cpu, maxrss, wall, killed, code_fd=None):
        """After the child's exit: clean up, collect its output (and code record), empty the streams."""
        stdout, stderr = self.stdout, self.stderr
        self.kill_everything_else()
        setup_error = os.read(self.error_read, 1 << 16).decode(errors="replace") if self.error_poller.poll(0) else ""
        sizes = [os.fstat(fd).st_size for fd in (stdout, stderr)]
        out = os.pread(stdout, min(sizes[0], limits["keep_stdout"]), 0)
        err = os.pread(stderr, min(sizes[1], limits["keep_stderr"]), 0)
        for fd, size in ((stdout, sizes[0]), (stderr, sizes[1])):  # empty and rewound for the next run
            if size:
                os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
        record = b""
        if code_fd is not None:
            record = os.pread(code_fd, os.fstat(code_fd).st_size, 0)
            os.close(code_fd)
        result = {
            "exit_code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            "cpu": cpu,
            "wall": wall,
            "maxrss": maxrss,
            "stdout_size": sizes[0],
            "stderr_size": sizes[1],
            "killed": killed,
            "setup_error": setup_error or None,
            "dirty": not self.wipe_scratch(),
        }
        return result, out, err, record

    def supervise(self, pid, pidfd, limits, started):
        """The child outlived its first wait: kill it once its CPU clock passes the time limit or the wall clock
        passes its own."""
        poller = self.exit_poller
        cpu_clock = (~pid << 3) | 2  # CPUCLOCK_SCHED of the whole process (all threads)
        time_limit, deadline = limits["time"], started + limits["wall"]
        wait = 0
        killed = None
        while not poller.poll(max(wait, 0.002) * 1000):
            try:
                cpu = time.clock_gettime(cpu_clock)
            except OSError:  # already gone
                continue
            now = time.monotonic()
            if cpu > time_limit or now >= deadline:
                killed = "cpu" if cpu > time_limit else "wall"
                os.kill(pid, 9)
                break
            wait = min(time_limit - cpu + 0.002, deadline - now, 0.25)
        return killed

    def kill_everything_else(self):
        """No process the program started may outlive its run (daemons, stragglers)."""
        if self.kill_namespace:
            try:
                os.kill(-1, 9)  # every process in our pid namespace but us and its init
            except ProcessLookupError:
                pass
            while True:
                try:
                    os.waitpid(-1, 0)
                except ChildProcessError:
                    return
        # Without a pid namespace, kill(-1) would reach the host: kill our descendants instead (we are their subreaper).
        while True:
            children = self.children()
            if not children:
                return
            for child in children:
                try:
                    os.kill(child, 9)
                except ProcessLookupError:
                    pass
            for child in children:
                try:
                    os.waitpid(child, 0)
                except ChildProcessError:
                    pass

    def children(self):
        found = []
        for task in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{task}/children") as handle:
                found += [int(p) for p in handle.read().split()]
        return found

    def wipe_scratch(self):
        """Empty the scratch directory for the next run; False if that failed (the worker is then replaced)."""
        try:
            if not os.listdir(self.scratch) and os.stat(self.scratch).st_mode & 0o7777 == self.scratch_mode:
                return True  # the usual case: the program wrote no files
        except PermissionError:
            pass
        import shutil  # only now: every megabyte the server holds is copied into each child

        def unlock_and_retry(function, path, _):
            os.chmod(os.path.dirname(path), 0o700)  # the program may have made a directory unwritable
            if os.path.isdir(path) and not os.path.islink(path):
                os.chmod(path, 0o700)
                shutil.rmtree(path, onerror=unlock_and_retry)
            else:
                function(path)

        try:
            os.chmod(self.scratch, 0o700)
            for entry in os.scandir(self.scratch):
                if entry.is_dir(follow_symlinks=False):
                    os.chmod(entry.path, 0o700)
                    shutil.rmtree(entry.path, onerror=unlock_and_retry)
                else:
                    os.unlink(entry.path)
            os.chmod(self.scratch, self.scratch_mode)
            return not os.listdir(self.scratch)
        except OSError:
            return False

    def spawn(self, target, limits, stdin, stdout, stderr, error_write):
        """Start a compiled program through the launcher: vfork + exec, so nothing of ours is copied."""
        stack = limits["stack"] or 0
        args = [self.launcher, str(limits["cpu"]), str(limits["as"]), str(limits["fsize"]), str(limits["nproc"]),
                str(stack), target]  # fmt: skip
        moves = [(os.POSIX_SPAWN_DUP2, fd, to) for fd, to in
                 ((stdin, 0), (stdout, 1), (stderr, 2), (self.bpf_fd, 3), (error_write, 4))]  # fmt: skip
        return os.posix_spawn(self.launcher, args, BINARY_ENVIRONMENT, file_actions=moves, setpgroup=0,
                              setsigdef=(_signal.SIGPIPE, _signal.SIGXFSZ))  # fmt: skip


def load_sibling(name):
    """Our neighbour module, by path (the import system would list our directory, which the sandbox may not read);
    its bytecode when we run from bytecode ourselves (see sandbox.create_runtime_dir)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), f"{name}.py")
    module = types.ModuleType(name)
    module.__file__ = path
    if __file__.endswith(".pyc"):
        with open(path + "c", "rb") as handle:
            code = marshal.loads(handle.read()[16:])  # after the header: magic, flags, source mtime and size
    else:
        with open(path, "rb") as handle:
            code = compile(handle.read(), path, "exec")
    exec(code, module.__dict__)
    return module


def main():
    import builtins

    global forkchild, forkloop, framing
    forkmemory, forkchild = load_sibling("forkmemory"), load_sibling("forkchild")
    forkloop, framing = load_sibling("forkloop"), load_sibling("framing")

    request_fd, reply_fd = int(sys.argv[1]), int(sys.argv[2])
    header, blobs = framing.read_request(request_fd)
    header["_seccomp"] = blobs[0]
    if header.get("cpu") is not None:  # inherited by every run (see Executor's `pin`)
        try:
            os.sched_setaffinity(0, {header["cpu"]})
        except OSError as exc:  # e.g. a cpuset without that CPU: slower, not wrong
            print(f"fork-server: staying unpinned: {exc}", file=sys.stderr)
    forkmemory.preload(header.get("preload", forkmemory.PRELOAD))
    builtins.exit = builtins.quit = sys.exit  # -S drops site's exit()/quit(); contest code calls them
    server = Server(request_fd, reply_fd, header)
    os.chdir(server.scratch)
    server.ballast = forkmemory.settle()
    if "threading" in sys.modules:
        raise RuntimeError("the fork-server must not import threading: it makes every fork slower")
    vsz = forkmemory.address_space_in_use()
    server.reply({"op": "ready", "pid": os.getpid(), "vsz": vsz, "python": sys.version.split()[0]})
    server.serve()


if __name__ == "__main__":
    main()
