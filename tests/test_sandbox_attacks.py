"""Hostile programs against the real sandbox: each attack must get a sensible verdict AND leave the host unharmed.

Canaries are planted on the host before the Executor starts (an environment variable, a listening socket, marker
files in the test's tmp dir and in /root); afterwards we check that nothing leaked, nothing was written, no process
outlived its run and the workers still serve normal runs.
"""

from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path

import pytest

from solver.execution import CompileLimits, Executor, Limits, Program, Status
from solver.problem import Language

CANARY_VAR = "ALPHACODE_TEST_CANARY"
CANARY = "canary-" + uuid.uuid4().hex
LIMITS = Limits(time_seconds=1.0)


def py(source: str) -> Program:
    return Program(Language.PYTHON3, source)


def cpp(source: str) -> Program:
    return Program(Language.CPP, "#include <bits/stdc++.h>\n#include <unistd.h>\n#include <sys/syscall.h>\n" + source)


@pytest.fixture(scope="module")
def executor(tmp_path_factory: pytest.TempPathFactory):
    os.environ[CANARY_VAR] = CANARY  # in the supervisor's environment while the sandboxes start
    try:
        cache = tmp_path_factory.getbasetemp() / "execution-cache"
        with Executor(workers=2, cache_dir=cache, compile_limits=CompileLimits(seconds=15)) as ex:
            yield ex
            assert_workers_serve(ex)
            assert stray_processes() == []
    finally:
        del os.environ[CANARY_VAR]


def run_one(ex: Executor, program: Program, stdin: str = "") -> tuple[Status, str]:
    result = ex.run(program, [stdin], LIMITS)
    assert result.compile.ok, result.compile.message
    (run,) = result.runs
    return run.status, (run.stdout + run.stderr).decode(errors="replace")


def descendants() -> list[tuple[int, str, str]]:
    """(pid, state, command line) of every live process below this test process."""
    parents: dict[int, int] = {}
    info: dict[int, tuple[str, str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
        parents[int(entry)] = int(fields["PPid"])
        info[int(entry)] = (fields["State"].split()[0], cmdline)
    found = []
    for pid in info:
        ancestor = parents.get(pid, 0)
        while ancestor > 1 and ancestor != os.getpid():
            ancestor = parents.get(ancestor, 0)
        if ancestor == os.getpid():
            found.append((pid, *info[pid]))
    return found


def stray_processes() -> list[tuple[int, str, str]]:
    """Live descendants that are neither a sandbox (bwrap) nor a fork-server waiting for work."""
    return [p for p in descendants() if p[1] != "Z" and "bwrap" not in p[2] and "forkserver.py" not in p[2]]


def assert_workers_serve(ex: Executor) -> None:
    result = ex.run(py("print(int(input()) * 2)"), [str(i) for i in range(8)], LIMITS)
    assert [r.status for r in result.runs] == [Status.OK] * 8
    assert [r.stdout for r in result.runs] == [f"{2 * i}\n".encode() for i in range(8)]


def test_environment_of_the_host_is_invisible(executor):
    status, output = run_one(executor, py(
        "import os\nprint(dict(os.environ))\n"
        "for path in ['/proc/self/environ', '/proc/1/environ', '/proc/2/environ']:\n"
        "    try:\n        print(open(path).read())\n    except OSError as e:\n        print(path, e)\n"
    ))  # fmt: skip
    assert status == Status.OK
    assert CANARY not in output and CANARY_VAR not in output
    status, output = run_one(executor, cpp(
        "extern char **environ;\nint main(){ for (char **e = environ; *e; e++) puts(*e);\n"
        "  FILE *f = fopen(\"/proc/1/environ\", \"r\"); if (f) { char b[4096]; size_t n = fread(b, 1, 4095, f); "
        "b[n] = 0; puts(b); } }"
    ))  # fmt: skip
    assert status == Status.OK and CANARY not in output


def test_network_is_unreachable(executor):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    port = listener.getsockname()[1]
    try:
        status, output = run_one(executor, py(
            f"import socket\ns = socket.create_connection(('127.0.0.1', {port}), timeout=1)\nprint('connected')"
        ))  # fmt: skip
        assert status == Status.RE and "connected" not in output.splitlines()
        status, output = run_one(executor, cpp(
            "#include <arpa/inet.h>\nint main(){ int s = socket(AF_INET, SOCK_STREAM, 0); sockaddr_in a{};\n"
            f"a.sin_family = AF_INET; a.sin_port = htons({port}); a.sin_addr.s_addr = htonl(0x7f000001);\n"
            "printf(\"socket=%d connect=%d\\n\", s, s < 0 ? -1 : connect(s, (sockaddr*)&a, sizeof a)); }"
        ))  # fmt: skip
        assert status == Status.OK and "connect=-1" in output
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody connected
    finally:
        listener.close()


def test_host_files_are_unreadable_and_unwritable(executor, tmp_path):
    secret = "secret-" + uuid.uuid4().hex
    (tmp_path / "marker.txt").write_text(secret)
    root_marker = Path("/root") / f"alphacode-marker-{uuid.uuid4().hex}"
    root_written = Path("/root") / f"alphacode-written-{uuid.uuid4().hex}"
    targets = [tmp_path / "written.txt", root_written, Path("/written.txt"), Path("/usr/written.txt"),
               Path("/dev/written.txt"), Path("/judge/written.txt"), Path("/dev/shm/written.txt")]  # fmt: skip
    root_marker.write_text(secret)
    try:
        status, output = run_one(executor, py(
            f"for path in {[str(tmp_path / 'marker.txt'), str(root_marker), '/etc/shadow', '/etc/passwd']!r}:\n"
            "    try:\n        print(open(path).read())\n    except OSError as e:\n        print('unreadable', path)\n"
            f"for path in {[str(t) for t in targets]!r}:\n"
            "    try:\n        open(path, 'w').write('x')\n        print('WROTE', path)\n"
            "    except OSError as e:\n        print('unwritable', path, e)\n"
            "open('/tmp/scratch.txt', 'w').write('fine')\nprint(open('/tmp/scratch.txt').read())\n"
        ))  # fmt: skip
        assert status == Status.OK
        assert secret not in output and "WROTE" not in output and "fine" in output
        assert not any(t.exists() for t in targets if str(t).startswith(("/root", str(tmp_path))))
    finally:
        root_marker.unlink()
        root_written.unlink(missing_ok=True)


def test_scratch_is_wiped_between_runs(executor):
    writer = py("open('/tmp/left-behind', 'w').write('x')\nimport os\nos.mkdir('/tmp/d')\nos.chmod('/tmp/d', 0)\n")
    reader = py("import os\nprint(sorted(os.listdir('/tmp')))")
    for _ in range(2):  # both workers
        assert run_one(executor, writer)[0] == Status.OK
    results = executor.run(reader, [""] * 4, LIMITS)
    assert [r.stdout for r in results.runs] == [b"[]\n"] * 4


def test_a_run_cannot_lock_the_scratch_directory_for_the_next(executor):
    """A program may chmod its own scratch directory; the next run (of the same batch, too) still writes there."""
    locker = py("import os, sys\nif sys.stdin.read() == 'lock':\n    os.chmod('/tmp', 0o500)\n    print('locked')\n"
                "else:\n    open('/tmp/f', 'w').write('x')\n    os.remove('/tmp/f')\n    print('wrote')")
    results = executor.run(locker, ["write", "lock", "write", "lock", "write"], LIMITS, keep_going=lambda i, r: True)
    assert [r.stdout for r in results.runs] == [b"wrote\n", b"locked\n", b"wrote\n", b"locked\n", b"wrote\n"]


@pytest.mark.parametrize("vandal", [
    py("import fcntl, os\nfor fd in (0, 2):\n    fcntl.fcntl(fd, fcntl.F_SETFL, os.O_APPEND)\n"
       "os.lseek(1, 5000, 0)\nos.lseek(2, 7000, 0)\nos.write(0, b'junk' * 1000)\nos.lseek(0, 3, 0)\n"
       "print('out')\nos.ftruncate(1, 1 << 20)\nos.write(2, b'err')"),
    cpp("#include <fcntl.h>\nint main(){ for (int fd = 0; fd < 3; fd++) fcntl(fd, F_SETFL, O_APPEND);"
        " lseek(1, 5000, SEEK_SET); write(0, \"junk junk\", 9); write(1, \"out\", 3); lseek(2, 9000, SEEK_SET);"
        " ftruncate(1, 1 << 20); }"),
], ids=["python", "cpp"])  # fmt: skip
def test_a_run_cannot_disturb_the_next_runs_streams(executor, vandal):
    """The standard streams are files the server reuses: seeks, appends, truncations and writes to stdin must not
    reach the next run, which sees exactly its own input and output."""
    echo = py("import sys\ndata = sys.stdin.read()\nprint(repr(data))\nprint('e', file=sys.stderr)")
    for _ in range(2):  # both workers
        executor.run(vandal, ["in"], LIMITS)
    results = executor.run(echo, ["1 2\n", "", "x" * 10], LIMITS)
    assert [(r.status, r.stdout, r.stderr) for r in results.runs] == [
        (Status.OK, b"'1 2\\n'\n", b"e\n"), (Status.OK, b"''\n", b"e\n"), (Status.OK, b"'xxxxxxxxxx'\n", b"e\n")]


def test_scratch_space_is_bounded(executor):
    status, output = run_one(executor, py(
        "chunk = b'x' * (1 << 20)\nwith open('/tmp/fill', 'wb') as f:\n"
        "    for i in range(4096):\n        f.write(chunk)\n"
    ))  # fmt: skip
    assert status in (Status.RE, Status.OLE) and ("No space left" in output or "File too large" in output)


@pytest.mark.parametrize("program", [
    py("import os\nwhile True:\n    os.fork()"),
    py("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass"),
    cpp("int main(){ while (true) { fork(); vfork(); syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0); } }"),
], ids=["python-fork-bomb", "python-persistent-fork-bomb", "cpp-fork-bomb"])  # fmt: skip
def test_fork_bombs_create_no_process(executor, program):
    result = executor.run(program, [""], Limits(time_seconds=0.5))
    assert result.runs[0].status in (Status.RE, Status.TLE)
    assert stray_processes() == []
    assert_workers_serve(executor)


@pytest.mark.parametrize("program", [
    py("import os, time\nif os.fork() == 0:\n    os.setsid()\n    time.sleep(0.3)\n"
       "    open('/tmp/late', 'w').write('x')\n    time.sleep(60)\nprint('parent done')"),
    cpp("int main(){ if (fork() == 0) { setsid(); usleep(300000); fopen(\"/tmp/late\", \"w\"); sleep(60); }\n"
        "  puts(\"parent done\"); }"),
], ids=["python", "cpp"])  # fmt: skip
def test_setsid_daemon_does_not_outlive_its_run(executor, program):
    executor.run(program, ["", ""], LIMITS)
    assert stray_processes() == []
    late = executor.run(py("import os, time\ntime.sleep(0.5)\nprint(os.path.exists('/tmp/late'))"), [""] * 2, LIMITS)
    assert [r.stdout for r in late.runs] == [b"False\n"] * 2


def test_ptrace_of_the_server_is_refused(executor):
    status, output = run_one(executor, py(
        "import ctypes, os\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "for pid in (os.getppid(), 1, 2):\n    print('attach', pid, libc.ptrace(16, pid, 0, 0), ctypes.get_errno())\n"
    ))  # fmt: skip
    assert status == Status.OK and output.count(" -1 1") == 3  # every PTRACE_ATTACH failed with EPERM
    status, output = run_one(executor, cpp(
        "#include <sys/ptrace.h>\n#include <sys/uio.h>\nint main(){ long a = ptrace(PTRACE_ATTACH, getppid(), 0, 0);\n"
        "char buf[64]; iovec l{buf, 64}, r{(void*)0x400000, 64};\n"
        "printf(\"attach=%ld vm_read=%zd\\n\", a, process_vm_readv(getppid(), &l, 1, &r, 1, 0)); }"
    ))  # fmt: skip
    assert status == Status.OK and "attach=-1 vm_read=-1" in output
    assert_workers_serve(executor)


def test_signals_cannot_reach_the_server(executor):
    status, output = run_one(executor, py(
        "import os, resource\nfor pid in (-1, 0, 1, 2, -2, os.getppid()):\n    try:\n        os.kill(pid, 9)\n"
        "        print('KILLED', pid)\n    except OSError as e:\n        print('refused', pid, e.errno)\n"
        "try:\n    resource.prlimit(2, resource.RLIMIT_AS, (1 << 20, 1 << 20))\n    print('LIMITED')\n"
        "except OSError:\n    print('refused prlimit')\n"
    ))  # fmt: skip
    assert status == Status.OK and "KILLED" not in output and "LIMITED" not in output
    # Raw syscalls with garbage in the upper half of the pid argument: the kernel only reads the low 32 bits.
    status, output = run_one(executor, cpp(
        "int main(){ setpgid(0, 1);\n"
        "long r1 = syscall(SYS_kill, (long)0xFFFFFFFF00000000L | 0xFFFFFFFFL, 9);\n"
        "long r2 = syscall(SYS_kill, 0x100000002L, 9);\n"
        "long r3 = syscall(SYS_tgkill, 0x100000002L, 0x100000002L, 9);\n"
        "long r4 = kill(0, 9);\n printf(\"%ld %ld %ld %ld\\n\", r1, r2, r3, r4); }"
    ))  # fmt: skip
    assert status == Status.OK and output.split() == ["-1"] * 4
    assert_workers_serve(executor)


def test_memory_bomb_is_contained(executor):
    result = executor.run(py("x = ' ' * (1 << 40)"), [""], LIMITS)
    assert result.runs[0].status == Status.MLE
    result = executor.run(cpp("int main(){ std::vector<char*> v; while (true) { char *p = new char[1 << 24];"
                              " memset(p, 1, 1 << 24); v.push_back(p); } }"), [""], Limits(time_seconds=2))  # fmt: skip
    assert result.runs[0].status == Status.MLE
    assert_workers_serve(executor)


def test_program_cannot_create_namespaces_or_mount(executor):
    status, output = run_one(executor, py(
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "print('unshare', libc.unshare(0x10000000))\n"
        "print('mount', libc.mount(b'none', b'/tmp', b'tmpfs', 0, None))\n"
    ))  # fmt: skip
    assert status == Status.OK and "unshare -1" in output and "mount -1" in output
