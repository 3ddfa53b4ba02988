"""Preparing the fork-server's interpreter for forking: what it preloads, and how it settles its memory.

Runs inside the sandbox next to forkserver.py (stdlib only). A run's cost is mostly the kernel's: fork copies the
server's page table entries, every page a child writes is copied on its first write (a copy-on-write fault, ~2-3 us
here), and exit tears it all down. So the server holds as little as it can, and settles its memory before the first
fork so that children write to as few of its pages as possible.
"""

import gc
import importlib
import io
import mmap
import os
import resource
import sys

# Modules contest programs import; loaded once here so that a child's `import` is a dict lookup. Every preloaded
# megabyte costs every run ~0.1 ms (fork copies its page table entries, exit tears them down), so each worker has two
# images: a lean one with the modules most programs import (of the 170 accepted CodeContests solutions, all but 9),
# and a full one that also holds the heavier modules some import (re and string, typing, decimal, fractions...:
# importing them in a child costs 1.5-5 ms). The Executor sends each program to the image that holds what it imports
# (sandbox.image_for). Not preloaded at all: rarely used modules (no accepted solution imports datetime, statistics or
# dataclasses; dataclasses alone is 0.9 MB), and `threading` (nor `queue`): its after-fork hook makes every fork
# ~0.5 ms dearer.
COMMON = "array bisect collections functools heapq io itertools math operator random sys os time types".split()
PRELOAD = COMMON + "copy re string traceback decimal fractions typing enum".split()  # the full image
IMAGES = {"lean": COMMON, "full": PRELOAD}


def preload(names):
    for name in names:
        importlib.import_module(name)


def settle():
    """Just before the first fork: answer common checks, fill the allocator's holes, freeze the survivors.

    Returns objects that must stay alive as long as the server forks.
    """
    gc.collect()
    warm_abc_caches()
    ballast = fill_allocator_holes()
    gc.freeze()  # children must not copy the server's objects just by collecting garbage
    import ctypes
    ctypes.CDLL(None).malloc_trim(0)
    return ballast


def address_space_in_use():
    """Our virtual size (no /proc here): the smallest RLIMIT_AS under which one more small mapping still fits."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    low, high = 0, 1 << 40
    while high - low > 1 << 20:
        middle = (low + high) // 2
        try:
            resource.setrlimit(resource.RLIMIT_AS, (middle, hard))
            mmap.mmap(-1, 1 << 16).close()
            high = middle
        except (OSError, MemoryError, ValueError):
            low = middle
        finally:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    return high


def fill_allocator_holes():
    """Objects filling the free blocks of the allocator's partly used pools, so that a child allocates elsewhere.

    After the imports, free blocks lie scattered over pages the server holds; a child's first allocations would land
    in them, and every such page costs a copy-on-write fault (about one page per object). Filled, a child's objects
    go to fresh pools instead, many to a page: ~50 fewer faults (~0.15 ms) per run of a program that builds lists of
    a thousand numbers. The counts come from the allocator's own statistics (CPython prints them to C stderr).
    """
    stats, saved = os.memfd_create("mallocstats"), os.dup(2)
    try:
        os.dup2(stats, 2)
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    text = os.pread(stats, 1 << 20, 0).decode(errors="replace")
    os.close(stats)
    ballast = []
    for line in text.splitlines():  # "class size num_pools blocks_in_use avail_blocks", all integers
        fields = line.split()
        if len(fields) != 5 or not all(f.isdigit() for f in fields):
            continue
        size, free = int(fields[1]), int(fields[4])
        if size == 16:
            ballast += [[None] for _ in range(free)]  # a one-item list's item array is a 16-byte block
        elif size == 32:
            ballast += [float(k) for k in range(free)]  # 24-byte objects, like most ints
        else:
            ballast += [bytes(size - 33) for _ in range(free)]  # bytes(n) takes 33 + n bytes
    return ballast


def warm_abc_caches():
    """Answer the common isinstance checks against abstract classes once here, so that children inherit the answers.

    Library code asks them all the time (Counter(iterable) checks Mapping); each first answer fills the abstract
    class's caches, and in a child that means ~30 copy-on-write faults per run. Cached here, a child only reads.
    """
    import collections.abc
    import numbers

    abstract = [getattr(collections.abc, n) for n in collections.abc.__all__] + [io.IOBase, numbers.Integral,
                                                                              numbers.Real, numbers.Number]  # fmt: skip
    samples = [0, 0.5, True, 1j, "", b"", bytearray(), [], (), {}, set(), frozenset(), range(1), None, len, object(),
               type, iter([]), iter(()), iter(""), iter(range(1)), (x for x in ()), map(int, ()), zip(), enumerate(()),
               filter(None, ()), reversed([]), {}.keys(), {}.values(), {}.items()]  # fmt: skip
    for sample in samples:
        for cls in abstract:
            isinstance(sample, cls)
