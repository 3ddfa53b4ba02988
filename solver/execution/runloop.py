"""runloop.so: the fork-server's loop over a batch of Python runs, in C (fork, wait, limits, report, clean up).

Between two forks a server written in Python touches a couple of hundred of its own pages, and after every fork
each of those is a write-protected page, so each costs the server a fault (~190 per run, perf on these machines);
the per-run Python work (dicts, JSON) comes on top. This loop does the same steps as `Server.run_one` for a
program the server has already compiled, touching a few pages: ~0.2 ms less CPU per run (a prototype measured
1.81 -> 1.64 ms per typical run, 1.23 -> 1.03 ms per trivial one). A child returns from the call and becomes the
program, as after os.fork (forkloop.py then runs CPython's after-fork hook). Anything unusual about a run (the
fork failed, setup errors, files left in the scratch directory) hands that run back to the Python loop, which
finishes it as it finishes its own; so do stop requests from the supervisor.

Built once per cache directory like the launcher and confine.so; without it the server runs everything in Python.
"""

from __future__ import annotations

from pathlib import Path

from solver.execution.launcher import build_native

RUNLOOP_SOURCE = r"""
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Kept in step with `Batch` in forkloop.py. */
struct batch {
    const char *const *inputs;          /* the batch's inputs and their sizes */
    const unsigned long long *sizes;
    int count;
    int next;                           /* the next input to run; advanced here */
    int stdin_fd, stdout_fd, stderr_fd, error_fd, request_fd, reply_fd, scratch_fd;
    unsigned int scratch_mode;          /* the scratch directory's permission bits when clean */
    double time_limit, wall_limit;      /* seconds: CPU time, wall time */
    void (*after_fork)(void);           /* CPython's PyOS_AfterFork_Child, called in each child (as os.fork does) */
    int (*confine)(const void *);       /* confine.so's confine() and its struct, or NULL: the child confines */
    const void *confinement;            /* itself from Python */
    long long keep_stdout, keep_stderr; /* bytes of each stream reported */
    /* The run handed back (SLOW) or about to become the program (CHILD). */
    int index, status, killed, fork_errno;  /* killed: 0 no, 1 CPU time, 2 wall time */
    int error;                          /* errno, when FAILED */
    int confined;                       /* in a child: confine() succeeded here */
    double cpu, wall;
    long long maxrss;                   /* bytes */
};

enum { CHILD = 0, DONE = 1, REQUEST = 2, SLOW = 3, FAILED = 4 };  /* FAILED: `error` says why; the server gives up */

static double seconds_since(const struct timespec *start) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Whether fd becomes readable within `seconds` (0: just look). */
static int readable(int fd, double seconds) {
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        double left = seconds - seconds_since(&start);
        if (left < 0) left = 0;
        struct timespec wait = {(time_t)left, (long)((left - (double)(time_t)left) * 1e9)};
        struct pollfd p = {fd, POLLIN, 0};
        int n = ppoll(&p, 1, &wait, NULL);
        if (n >= 0) return n > 0;
        if (errno != EINTR) return 1;  /* let the caller find out what is wrong with it */
    }
}

static int write_all(int fd, const char *data, size_t size) {
    while (size) {
        ssize_t n = write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

static int write_input(const struct batch *b, int index) {
    const char *data = b->inputs[index];
    unsigned long long size = b->sizes[index], done = 0;
    if (ftruncate(b->stdin_fd, 0)) return -1;
    while (done < size) {  /* at offset 0, wherever the last run left the file offset */
        ssize_t n = pwrite(b->stdin_fd, data + done, size - done, (off_t)done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        done += (unsigned long long)n;
    }
    return lseek(b->stdin_fd, 0, SEEK_SET) < 0 ? -1 : 0;
}

/* The child outlived its first wait: kill it once its CPU clock passes the time limit or the wall clock passes
   its own (as Server.supervise). Returns 0 (exited), 1 (killed for CPU time) or 2 (for wall time). */
static int supervise(const struct batch *b, pid_t pid, int pidfd, const struct timespec *started) {
    double first = b->time_limit < b->wall_limit ? b->time_limit : b->wall_limit;
    if (readable(pidfd, first)) return 0;
    clockid_t clock = (clockid_t)((~(unsigned)pid << 3) | 2);  /* CPUCLOCK_SCHED of the whole process */
    double wait = 0;
    for (;;) {
        if (readable(pidfd, wait > 0.002 ? wait : 0.002)) return 0;
        struct timespec used;
        if (clock_gettime(clock, &used)) continue;  /* already gone */
        double cpu = (double)used.tv_sec + (double)used.tv_nsec / 1e9, now = seconds_since(started);
        if (cpu > b->time_limit || now >= b->wall_limit) {
            kill(pid, SIGKILL);
            return cpu > b->time_limit ? 1 : 2;
        }
        wait = b->time_limit - cpu + 0.002;
        if (b->wall_limit - now < wait) wait = b->wall_limit - now;
        if (wait > 0.25) wait = 0.25;
    }
}

/* No process the program started may outlive its run: kill(-1) reaches all of our pid namespace but us and
   its init; then reap everything. */
static void kill_everything_else(void) {
    kill(-1, SIGKILL);
    while (waitpid(-1, NULL, 0) >= 0 || errno == EINTR) {
    }
}

/* Whether the scratch directory is as the run found it: empty, with its own permissions. */
static int scratch_clean(const struct batch *b) {
    struct stat st;
    if (fstat(b->scratch_fd, &st) || (st.st_mode & 07777) != b->scratch_mode) return 0;
    if (lseek(b->scratch_fd, 0, SEEK_SET) < 0) return 0;
    char entries[4096];
    long n;
    while ((n = syscall(SYS_getdents64, b->scratch_fd, entries, sizeof entries)) > 0) {
        for (long at = 0; at < n;) {
            const char *name = entries + at + 19;  /* struct linux_dirent64: ino, off, reclen, type, name */
            unsigned short length;
            memcpy(&length, entries + at + 16, sizeof length);
            if (strcmp(name, ".") && strcmp(name, "..")) return 0;
            at += length;
        }
    }
    return n == 0;
}

/* Copies `size` bytes of a memfd to the reply pipe. */
static int send_file(int to, int from, long long size) {
    static char buffer[1 << 16];
    long long done = 0;
    while (done < size) {
        long long want = size - done < (long long)sizeof buffer ? size - done : (long long)sizeof buffer;
        ssize_t n = pread(from, buffer, (size_t)want, (off_t)done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        if (write_all(to, buffer, (size_t)n)) return -1;
        done += n;
    }
    return 0;
}

/* The run's result frame, as framing.encode_reply writes it: a JSON header's length (4 bytes, big-endian),
   the header, then stdout and stderr (each cut to what the supervisor keeps); then empty both for the next run. */
static int report(const struct batch *b) {
    struct stat out, err;
    if (fstat(b->stdout_fd, &out) || fstat(b->stderr_fd, &err)) return -1;
    long long keep_out = out.st_size < b->keep_stdout ? out.st_size : b->keep_stdout;
    long long keep_err = err.st_size < b->keep_stderr ? err.st_size : b->keep_stderr;
    char code[16] = "null", sig[16] = "null";
    if (WIFEXITED(b->status)) snprintf(code, sizeof code, "%d", WEXITSTATUS(b->status));
    if (WIFSIGNALED(b->status)) snprintf(sig, sizeof sig, "%d", WTERMSIG(b->status));
    static const char *const killed[] = {"null", "\"cpu\"", "\"wall\""};
    char frame[1024];
    int size = snprintf(frame + 4, sizeof frame - 4,
                        "{\"exit_code\":%s,\"signal\":%s,\"cpu\":%.17g,\"wall\":%.17g,\"maxrss\":%lld,"
                        "\"stdout_size\":%lld,\"stderr_size\":%lld,\"killed\":%s,\"setup_error\":null,"
                        "\"dirty\":false,\"op\":\"result\",\"index\":%d,\"blobs\":[%lld,%lld]}",
                        code, sig, b->cpu, b->wall, b->maxrss, (long long)out.st_size, (long long)err.st_size,
                        killed[b->killed], b->index, keep_out, keep_err);
    if (size < 0 || size >= (int)sizeof frame - 4) return -1;
    frame[0] = (char)(size >> 24), frame[1] = (char)(size >> 16), frame[2] = (char)(size >> 8), frame[3] = (char)size;
    if (write_all(b->reply_fd, frame, (size_t)size + 4) || send_file(b->reply_fd, b->stdout_fd, keep_out) ||
        send_file(b->reply_fd, b->stderr_fd, keep_err))
        return -1;
    if ((out.st_size && ftruncate(b->stdout_fd, 0)) || (err.st_size && ftruncate(b->stderr_fd, 0))) return -1;
    return lseek(b->stdout_fd, 0, SEEK_SET) < 0 || lseek(b->stderr_fd, 0, SEEK_SET) < 0 ? -1 : 0;
}

/* Runs inputs from b->next on. Returns CHILD in a forked child (which must become the program), DONE after the
   last input, REQUEST when a frame waits on the request pipe before a run other than the batch's first, SLOW with
   a run's facts for the caller to finish, or FAILED. */
static int run_inputs(struct batch *b) {
    while (b->next < b->count) {
        int index = b->next;
        if (index > 0 && readable(b->request_fd, 0)) return REQUEST;
        b->index = index, b->next = index + 1, b->killed = 0, b->fork_errno = 0;
        if (write_input(b, index)) return FAILED;
        struct timespec started;
        clock_gettime(CLOCK_MONOTONIC, &started);
        pid_t pid = fork();
        if (pid == 0) {  /* here, not through ctypes: each object a call makes in a child is a page to copy */
            b->after_fork();
            b->confined = b->confine != NULL && b->confine(b->confinement) == 0;  /* if not, Python tries again */
            return CHILD;
        }
        if (pid < 0) {
            b->fork_errno = errno;
            return SLOW;
        }
        int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
        if (pidfd < 0) {
            int saved = errno;
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            errno = saved;
            return FAILED;
        }
        b->killed = supervise(b, pid, pidfd, &started);
        close(pidfd);
        struct rusage usage;
        while (wait4(pid, &b->status, 0, &usage) < 0)
            if (errno != EINTR) return FAILED;
        b->wall = seconds_since(&started);
        b->cpu = ((double)usage.ru_utime.tv_sec + usage.ru_utime.tv_usec * 0.000001) +  /* as Python's rusage */
                 ((double)usage.ru_stime.tv_sec + usage.ru_stime.tv_usec * 0.000001);
        b->maxrss = (long long)usage.ru_maxrss * 1024;
        kill_everything_else();
        if (readable(b->error_fd, 0) || !scratch_clean(b)) return SLOW;
        if (report(b)) return FAILED;
    }
    return DONE;
}

int run_batch(struct batch *b) {
    int what = run_inputs(b);
    b->error = what == FAILED ? errno : 0;
    return what;
}
"""


def build_runloop(cache_dir: Path) -> Path | None:
    """runloop.so in the cache (built on first use), or None if no C compiler can build it."""
    return build_native(cache_dir, "runloop.so", RUNLOOP_SOURCE, ["-shared", "-fPIC"])
