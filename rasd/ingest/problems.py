"""What a reader says about an input it could not turn into an article."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad input item: where it is (a path, ``path:line``, ``<stdin>``) and what is wrong."""

    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.item}: {self.message}"


class InputError(ValueError):
    """Raised inside a reader for one item; the reader turns it into a :class:`Problem`."""
