"""Evaluation: solve-rate metrics (pass@k, n@k) from per-program outcomes, and tables across problems."""

from __future__ import annotations

from solver.evaluation.metrics import VARIANTS, Outcome, curve, n_at_k, pass_at_k, value_auc
from solver.evaluation.tables import label, rating_band, summarise, write_tables

__all__ = [
    "VARIANTS", "Outcome", "curve", "label", "n_at_k", "pass_at_k", "rating_band", "summarise", "value_auc",
    "write_tables",
]  # fmt: skip
