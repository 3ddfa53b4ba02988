"""Families: (being written)."""

from __future__ import annotations

from problems.families.base import Family

FAMILIES: list[Family] = []
