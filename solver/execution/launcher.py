"""The launcher: a tiny static C program that turns itself into a compiled contestant program, under its limits.

Forking the fork-server costs ~1 ms of copying and tearing down a preloaded interpreter, which a C++ run does not
need. Instead the server `posix_spawn`s (vfork: nothing copied) this launcher, which applies the run's rlimits,
no_new_privs, a parent-death signal and the precompiled seccomp filter (handed over on fd 3), then execs the program.
A failure before the program starts is reported on fd 4 (close-on-exec), so it never looks like the program's fault.
It is freestanding (raw system calls, no libc): each exec costs ~0.7 ms on these machines, glibc's static start-up
most of it, and the launcher is exec'd once per run.

Built once per cache directory with the system C compiler; if that fails, the server falls back to forking.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

LAUNCHER_SOURCE = r"""
/* Freestanding (no libc): glibc's static start-up alone costs more than the rest of a run's setup.
   usage: launcher CPU_SECONDS AS_BYTES FSIZE_BYTES NPROC STACK_BYTES(0 = unlimited) PROGRAM
   fd 3: seccomp BPF (read with pread: the descriptor is shared by every run); fd 4: error pipe. */
#include <asm/unistd.h>
#include <linux/fcntl.h>
#include <linux/filter.h>
#include <linux/prctl.h>
#include <linux/resource.h>
#include <linux/seccomp.h>
#include <linux/signal.h>

typedef unsigned long long u64;

/* A system call with four arguments; the fifth is passed as 0 (prctl insists on unused arguments being 0). */
static long call(long n, long a, long b, long c, long d) {
    long r;
#if defined(__x86_64__)
    register long r10 __asm__("r10") = d, r8 __asm__("r8") = 0;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8) : "rcx", "r11", "memory");
#elif defined(__aarch64__)
    register long x8 __asm__("x8") = n, x0 __asm__("x0") = a, x1 __asm__("x1") = b, x2 __asm__("x2") = c,
                  x3 __asm__("x3") = d, x4 __asm__("x4") = 0;
    __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4) : "memory");
    r = x0;
#else
#error "launcher: unsupported architecture"
#endif
    return r;
}

void *memset(void *to, int value, unsigned long n) {
    for (unsigned char *p = to; n--;) *p++ = (unsigned char)value;
    return to;
}

void *memcpy(void *to, const void *from, unsigned long n) {
    unsigned char *d = to;
    for (const unsigned char *s = from; n--;) *d++ = *s++;
    return to;
}

static void fail(const char *what, long error) {
    char message[128];
    unsigned long n = 0;
    for (const char *p = "launcher: "; *p;) message[n++] = *p++;
    for (const char *p = what; *p && n < 100;) message[n++] = *p++;
    for (const char *p = " failed, errno "; *p;) message[n++] = *p++;
    char digits[20];
    int k = 0;
    unsigned long e = (unsigned long)(error < 0 ? -error : error);
    do digits[k++] = (char)('0' + e % 10); while ((e /= 10) && k < 20);
    while (k) message[n++] = digits[--k];
    call(__NR_write, 4, (long)message, (long)n, 0);
    call(__NR_exit_group, 126, 0, 0, 0);
}

static u64 number(const char *text) {
    u64 value = 0;
    while (*text >= '0' && *text <= '9') value = value * 10 + (u64)(*text++ - '0');
    return value;
}

static void limit(int resource, u64 soft, u64 hard, const char *what) {
    u64 value[2] = {soft, hard};  /* struct rlimit64 */
    long error = call(__NR_prlimit64, 0, resource, (long)value, 0);
    if (error) fail(what, error);
}

static struct sock_filter filter[4096];

__attribute__((used)) void launch(long *stack) {
    long argc = stack[0];
    char **argv = (char **)(stack + 1), **envp = argv + argc + 1;
    if (call(__NR_fcntl, 4, F_SETFD, FD_CLOEXEC, 0) != 0) call(__NR_exit_group, 126, 0, 0, 0);
    if (argc != 7) fail("usage", 22);
    u64 cpu = number(argv[1]), stack_bytes = number(argv[5]);
    limit(RLIMIT_CPU, cpu, cpu + 1, "RLIMIT_CPU");
    limit(RLIMIT_FSIZE, number(argv[3]), number(argv[3]), "RLIMIT_FSIZE");
    limit(RLIMIT_NPROC, number(argv[4]), number(argv[4]), "RLIMIT_NPROC");
    limit(RLIMIT_CORE, 0, 0, "RLIMIT_CORE");
    limit(RLIMIT_STACK, stack_bytes ? stack_bytes : ~0ULL, stack_bytes ? stack_bytes : ~0ULL, "RLIMIT_STACK");
    limit(RLIMIT_AS, number(argv[2]), number(argv[2]), "RLIMIT_AS");
    long error = call(__NR_prctl, PR_SET_PDEATHSIG, SIGKILL, 0, 0);
    if (error) fail("PR_SET_PDEATHSIG", error);
    if ((error = call(__NR_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0))) fail("PR_SET_NO_NEW_PRIVS", error);
    long size = call(__NR_pread64, 3, (long)filter, sizeof filter, 0);
    if (size <= 0 || size % (long)sizeof filter[0]) fail("reading the seccomp filter", size);
    call(__NR_close, 3, 0, 0, 0);
    struct sock_fprog program = {(unsigned short)(size / (long)sizeof filter[0]), filter};
    /* SPEC_ALLOW: do not force the (costly) Speculative Store Bypass mitigation on for this process. */
    error = call(__NR_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW, (long)&program, 0);
    if (error) error = call(__NR_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, (long)&program, 0);
    if (error) fail("seccomp", error);
    char *args[2] = {argv[6], 0};
    fail("execve", call(__NR_execve, (long)argv[6], (long)args, (long)envp, 0));
}

#if defined(__x86_64__)
__asm__(".globl _start\n_start:\n xor %rbp, %rbp\n mov %rsp, %rdi\n and $-16, %rsp\n call launch\n hlt\n");
#else
__asm__(".globl _start\n_start:\n mov x0, sp\n bl launch\n brk #0\n");
#endif
"""


def build_launcher(cache_dir: Path) -> Path | None:
    """The launcher binary in the cache (built on first use), or None if no C compiler can build it."""
    flags = ["-static", "-nostdlib", "-ffreestanding", "-fno-stack-protector", "-fno-builtin",
             "-fno-asynchronous-unwind-tables", "-fno-pie", "-no-pie"]  # fmt: skip
    return build_native(cache_dir, "launcher", LAUNCHER_SOURCE, flags)


def build_native(cache_dir: Path, name: str, source: str, flags: list[str]) -> Path | None:
    """Compile C `source` once per cache directory (keyed by its hash) with the system compiler; None if that fails."""
    digest = hashlib.sha256(source.encode()).hexdigest()[:16]
    target = cache_dir / name / digest / name
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    source_file = target.with_name(f"{name}-{os.getpid()}.c")
    partial = target.with_name(f"{name}-{os.getpid()}")
    source_file.write_text(source)
    try:
        compiler = "/usr/bin/gcc" if os.access("/usr/bin/gcc", os.X_OK) else "/usr/bin/g++"
        done = subprocess.run([compiler, "-x", "c", "-O2", *flags, "-o", str(partial), str(source_file)],
                              capture_output=True, timeout=120)  # fmt: skip
        if done.returncode != 0:
            return None
        partial.chmod(0o755)
        os.replace(partial, target)
        return target
    except (OSError, subprocess.SubprocessError):
        return None
    finally:
        source_file.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
