"""Verify a result with the independent checker, as ``combibaan check`` verifies a file.

The checker (:mod:`combibaan.check`) reads the ``solution.json`` document, not a
:class:`~combibaan.result.Result`: it sits beside the result in the layers and
knows nothing of it. This is where the two meet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from combibaan.check import Violation, check_solution

if TYPE_CHECKING:
    from combibaan.result import Result


def check_result(result: Result) -> list[Violation]:
    """Every rule ``result`` breaks, as the checker finds it in its ``solution.json``;
    an empty list means valid.

    >>> combibaan.check_result(result)   # doctest: +SKIP
    []
    """
    return check_solution(result.instance, result.to_dict(), result.policy)
