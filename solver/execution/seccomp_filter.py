"""The seccomp filter every untrusted child runs under, compiled once to BPF bytes with libseccomp (pyseccomp).

Building a filter per child costs ~3 ms, so the supervisor builds it here and ships the bytes to each fork-server;
loading them still costs each child ~0.1 ms (the kernel checks, JIT-compiles and walks the filter).

Policy: allow by default (contest programs need ordinary syscalls), and refuse what could reach beyond the run:
- new processes (threads are fine): fork, vfork, clone without CLONE_THREAD, namespace flags; clone3 answers ENOSYS
  so that glibc falls back to clone, whose flags a filter can read;
- signals and resource changes aimed at other processes: kill/tgkill/... at protected pids (the sandbox's init and
  the fork-server), at pid 0 or at any process group (negative pids), prlimit/setpriority/sched_* on another pid;
- ptrace, process_vm_readv/writev, pidfds, perf, bpf, io_uring, userfaultfd, keyrings, mounts and namespaces;
- sockets (nobody needs one to solve a contest problem; socketpair stays allowed).
pid arguments are C ints: only their low 32 bits are compared, so garbage in the upper half cannot sneak past.
"""

from __future__ import annotations

import errno
import tempfile
from collections.abc import Iterable

import pyseccomp as sc

CLONE_THREAD = 0x00010000
CLONE_NAMESPACES = (0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000, 0x00000080)
LOW32 = 0xFFFFFFFF
SIGN32 = 0x80000000

DENIED = (
    "fork vfork ptrace process_vm_readv process_vm_writev pidfd_open pidfd_getfd pidfd_send_signal kcmp "
    "perf_event_open bpf userfaultfd io_uring_setup io_uring_enter io_uring_register keyctl add_key request_key "
    "unshare setns mount umount2 pivot_root chroot open_tree move_mount fsopen fsconfig fsmount fspick mount_setattr "
    "name_to_handle_at open_by_handle_at fanotify_init ioprio_set syslog acct quotactl swapon swapoff reboot "
    "kexec_load "
    "init_module finit_module delete_module iopl ioperm socket migrate_pages move_pages"
).split()
PID_TARGETED = ("kill", "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo")  # first argument is a pid
SELF_ONLY = ("prlimit64", "sched_setaffinity", "sched_setscheduler", "sched_setparam", "sched_setattr")  # pid 0 only


def build_bpf(protected_pids: Iterable[int]) -> bytes:
    """BPF bytes for the policy above; `protected_pids` are the pids (as the child sees them) it must not touch."""
    policy = sc.SyscallFilter(defaction=sc.ALLOW)
    # A binary tree of syscall numbers instead of a list: the kernel walks the filter for every syscall number when
    # it loads it (to cache the always-allowed ones), once per run; the tree halves that load (~170 -> ~90 us).
    policy.set_attr(sc.Attr.CTL_OPTIMIZE, 2)
    deny = sc.ERRNO(errno.EPERM)
    for name in DENIED:
        policy.add_rule(sc.ERRNO(errno.EACCES) if name == "socket" else deny, name)
    policy.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    policy.add_rule(deny, "clone", sc.Arg(0, sc.MASKED_EQ, CLONE_THREAD, 0))
    for flag in CLONE_NAMESPACES:
        policy.add_rule(deny, "clone", sc.Arg(0, sc.MASKED_EQ, flag, flag))
    for name in PID_TARGETED:
        policy.add_rule(deny, name, sc.Arg(0, sc.MASKED_EQ, SIGN32, SIGN32))  # process groups, -1 = everyone
        for pid in {0, *protected_pids}:
            policy.add_rule(deny, name, sc.Arg(0, sc.MASKED_EQ, LOW32, pid))
    for name in SELF_ONLY:
        policy.add_rule(deny, name, sc.Arg(0, sc.NE, 0))
    policy.add_rule(deny, "setpriority", sc.Arg(1, sc.NE, 0))
    with tempfile.TemporaryFile() as handle:
        policy.export_bpf(handle)
        handle.seek(0)
        return handle.read()
