"""confine.so: the whole setup of a forked Python run in one C call (descriptors, rlimits, no_new_privs, seccomp).

Done from Python, that setup is ~15 calls into the interpreter, and each page of interpreter state they touch is a
copy-on-write fault in a fresh child: 0.1-0.3 ms of a run's CPU time on these machines. The fork-server fills a
`struct confinement` before it forks (its fields for a batch and for a run), and the child makes one ctypes call.
Built once per cache directory with the system C compiler, like the launcher; without it the server does the same
steps in Python.
"""

from __future__ import annotations

from pathlib import Path

from solver.execution.launcher import build_native

CONFINE_SOURCE = r"""
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Kept in step with `Confinement` in forkserver.py. */
struct confinement {
    int fds[5];                         /* fds[k] becomes fd k (0-2 std, 3 error pipe, 4 code record); -1: none */
    int keep;                           /* every descriptor from this one up is closed */
    unsigned long long limits[6][2];    /* soft, hard: RLIMIT_CPU, FSIZE, NPROC, CORE, STACK, AS */
    const struct sock_fprog *filter;
};

static const int resources[6] = {RLIMIT_CPU, RLIMIT_FSIZE, RLIMIT_NPROC, RLIMIT_CORE, RLIMIT_STACK, RLIMIT_AS};

/* 0 when confined; otherwise the number of the step that failed (errno says why), and the caller must not go on. */
int confine(const struct confinement *c) {
    int fds[5];
    if (setpgid(0, 0)) return 1;
    for (int k = 0; k < 5; k++) {  /* a source among 0-4 would be overwritten by an earlier move: lift it first */
        fds[k] = c->fds[k];
        if (fds[k] >= 0 && fds[k] < 5 && fds[k] != k && (fds[k] = fcntl(fds[k], F_DUPFD, 5)) < 0) return 2;
    }
    for (int k = 0; k < 5; k++) {  /* 0-2 stay open across exec; the error pipe and the code record do not */
        if (fds[k] < 0 || fds[k] == k) continue;
        if ((k < 3 ? dup2(fds[k], k) : dup3(fds[k], k, O_CLOEXEC)) < 0) return 2;
    }
    if (syscall(SYS_close_range, (unsigned)c->keep, ~0U, 0)) return 3;
    for (int k = 0; k < 6; k++) {
        struct rlimit value = {c->limits[k][0], c->limits[k][1]};
        if (setrlimit(resources[k], &value)) return 4;
    }
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) return 5;
    /* SPEC_ALLOW: do not force the (costly) Speculative Store Bypass mitigation on; fall back to plain prctl. */
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW, c->filter) &&
        prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, c->filter, 0, 0))
        return 6;
    return 0;
}
"""
STEPS = ("", "setpgid", "moving descriptors", "close_range", "setrlimit", "prctl", "seccomp")  # by return value


def build_confine(cache_dir: Path) -> Path | None:
    """confine.so in the cache (built on first use), or None if no C compiler can build it."""
    return build_native(cache_dir, "confine.so", CONFINE_SOURCE, ["-shared", "-fPIC"])
