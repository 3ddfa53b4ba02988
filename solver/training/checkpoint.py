"""Crash-safe checkpoints: a run killed at any instant (kill -9 included) resumes from the last complete one.

A checkpoint is a directory `checkpoints/step-NNNNNNN/` holding the model (`save_pretrained`, with the tokenizer,
so it is also a usable model directory), the optimizer and scheduler states, every process's RNG states and a
`state.json` with the step. It is written under a temporary name, every file and the directory are fsynced, and
only then is it renamed into place: a directory named `step-*` is therefore always complete, and leftovers of an
interrupted write are temporary directories that are deleted on the next start.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

CHECKPOINT_PREFIX = "step-"
TEMP_PREFIX = ".tmp-"
STATE_FILE = "state.json"
MODEL_DIR = "model"


@dataclass(frozen=True)
class TrainerState:
    step: int  # optimizer steps completed


def checkpoint_name(step: int) -> str:
    return f"{CHECKPOINT_PREFIX}{step:07d}"


def list_checkpoints(directory: Path) -> list[Path]:
    """Complete checkpoints, oldest first."""
    if not directory.is_dir():
        return []
    found = [p for p in directory.iterdir() if p.is_dir() and p.name.startswith(CHECKPOINT_PREFIX)]
    return sorted(found, key=lambda p: int(p.name[len(CHECKPOINT_PREFIX) :]))


def latest_checkpoint(directory: Path) -> Path | None:
    checkpoints = list_checkpoints(directory)
    return checkpoints[-1] if checkpoints else None


def remove_partial(directory: Path) -> None:
    """Delete temporary directories left by a write that was interrupted."""
    if directory.is_dir():
        for path in directory.iterdir():
            if path.name.startswith(TEMP_PREFIX):
                shutil.rmtree(path, ignore_errors=True)


def fsync_tree(root: Path) -> None:
    """fsync every file, then every directory bottom-up, so the data is on disk before the rename."""
    for dirpath, _dirs, files in os.walk(root, topdown=False):
        for name in files:
            with open(os.path.join(dirpath, name), "rb") as handle:
                os.fsync(handle.fileno())
        fsync_dir(Path(dirpath))


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_dir_for(final: Path) -> Path:
    return final.parent / f"{TEMP_PREFIX}{final.name}"


def publish(temp: Path, final: Path) -> None:
    """fsync `temp` and rename it to `final` (replacing an older `final` directory, e.g. the final model)."""
    fsync_tree(temp)
    if final.exists():
        old = final.parent / f"{TEMP_PREFIX}old-{final.name}"
        shutil.rmtree(old, ignore_errors=True)
        os.rename(final, old)
        os.rename(temp, final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(temp, final)
    fsync_dir(final.parent)


def rng_state() -> dict[str, Any]:
    state: dict[str, Any] = {
        "python": random.getstate(),
        "numpy": np.random.get_state(),
        "torch": torch.get_rng_state(),
    }
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any]) -> None:
    random.setstate(state["python"])
    np.random.set_state(state["numpy"])
    torch.set_rng_state(state["torch"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def rng_file(process_index: int) -> str:
    return f"rng-{process_index}.pt"


def write_state(directory: Path, state: TrainerState) -> None:
    (directory / STATE_FILE).write_text(json.dumps({"step": state.step}) + "\n", encoding="utf-8")


def read_state(directory: Path) -> TrainerState:
    data = json.loads((directory / STATE_FILE).read_text(encoding="utf-8"))
    return TrainerState(step=int(data["step"]))


def prune(directory: Path, keep: int) -> None:
    """Keep only the newest `keep` checkpoints."""
    for old in list_checkpoints(directory)[:-keep]:
        shutil.rmtree(old, ignore_errors=True)
