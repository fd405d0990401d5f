"""What every omnibus (k-group) statistic says in the same words: that it is two-sided, and
which groups it left out because they hold no one.

Groups are named by their position (1 = the first group given), as the statistics never see
the cohorts' names.
"""

from __future__ import annotations

from collections.abc import Sequence


def two_sided_only(test: str, alternative: str) -> tuple[str, ...]:
    """The warning of a test with no one-sided form when a one-sided ``alternative`` was asked
    for; nothing when it is two-sided."""
    return () if alternative == "two-sided" else (f"{test} is two-sided; --alternative does not apply",)


def left_out(empty: Sequence[bool], why: str) -> tuple[str, ...]:
    """One warning naming the groups marked in ``empty`` (by position), ending with ``why``
    (what R does with them); nothing when no group is marked.

    >>> left_out([False, True, False], "no patients: left out, as R's survdiff drops an empty level")
    ("group 2 has no patients: left out, as R's survdiff drops an empty level",)
    """
    positions = [str(i + 1) for i, is_empty in enumerate(empty) if is_empty]
    if not positions:
        return ()
    if len(positions) == 1:
        return (f"group {positions[0]} has {why}",)
    return (f"groups {', '.join(positions[:-1])} and {positions[-1]} have {why}",)
