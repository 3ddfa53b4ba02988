"""Output locations, checked before any work starts: a run that can only fail at its last step must not start.

`check_output_dir` is called by every command that writes a directory (`solve --out`, `solve batch`, `solve ablate`,
`solve train-tokenizer`) before it loads a model or starts a sandbox. It creates nothing that outlives it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from solver.errors import UsageError


def check_output_dir(path: Path, what: str) -> None:
    """`path` is, or can be made, a directory this process can write into; UsageError (one line) if not.

    Permission bits are not enough to tell (root ignores them, a read-only mount does not show in them), so the
    nearest existing ancestor is probed by creating and removing an empty directory in it.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path}: {what}: exists and is not a directory")
    ancestor = path
    while not ancestor.exists():
        if ancestor.is_symlink():  # a dangling link: mkdir would fail on it
            raise UsageError(f"{path}: {what}: {ancestor} is a broken symbolic link")
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise UsageError(f"{path}: {what}: {ancestor} is not a directory")
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".write-check-", dir=ancestor))
    except OSError as error:
        raise UsageError(f"{path}: {what}: cannot write in {ancestor}: {error.strerror}") from None


def check_input_path(path: Path | None, what: str) -> None:
    """A path the run will read: it must exist (a file or a directory)."""
    if path is not None and not Path(path).exists():
        raise UsageError(f"{path}: {what}: no such file or directory")
