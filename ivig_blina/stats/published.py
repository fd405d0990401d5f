"""Recomputing a published binary result from what a paper prints: the P values a printed P
allows, the event counts a printed percentage allows (the GRIM test: Brown and Heathers, Soc
Psychol Personal Sci 2017;8:363-369, doi:10.1177/1948550616673876), and the two tests a
paper may have used that ``compare`` does not offer: Fisher's mid-P and the chi-square test
without Yates' correction.

Stage 0: text and counts in, numbers out. May import ``ivig_blina.errors`` and
``ivig_blina.stats`` only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from ivig_blina.errors import OptionError

RELATIVE_TOLERANCE = 1 + 1e-7  # fisher.test's: tables this close in probability are as likely
_P_TEXT = re.compile(r"^\s*(?:p\s*)?(<=|>=|=|<|>|≤|≥)?\s*(\S+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PrintedP:
    """The P values a printed P allows: from ``low`` to ``high``, each end included or not."""

    text: str
    low: Decimal
    high: Decimal
    low_included: bool = True
    high_included: bool = False

    def allows(self, p: float) -> bool:
        """Whether the computed ``p`` rounds to (or satisfies) the printed one. The ends are
        compared as the floats nearest them, so that a P computed as 0.575 (stored as
        0.57499999999999995...) rounds to 0.58 as it does on paper."""
        low, high = float(self.low), float(self.high)
        above = p >= low if self.low_included else p > low
        below = p <= high if self.high_included else p < high
        return above and below


def printed_p(text: str) -> PrintedP:
    """The P values a printed P allows: the half-unit of its last digit either side, lower end
    included, upper end not (``0.58``: 0.575 <= P < 0.585); a whole number as two decimals
    (``P=1``: P >= 0.995, as 1.00); ``<0.001``: P < 0.001; ``<=``, ``>`` and ``>=`` likewise.
    Accepts ``0.58``, ``.58``, ``P=0.58``, ``p < .001``, ``1e-4``."""
    found = _P_TEXT.match(text)
    try:
        number = Decimal(found.group(2)) if found else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or not 0 <= number <= 1:
        raise OptionError("p", f"expected a printed P value between 0 and 1, such as 0.58, <0.001 or P=1; got {text!r}")
    sign = found.group(1) if found else None
    if sign in ("<", "<=", "≤"):
        return PrintedP(text, Decimal(0), number, True, sign != "<")
    if sign in (">", ">=", "≥"):
        return PrintedP(text, number, Decimal(1), sign != ">", True)
    exponent = number.as_tuple().exponent
    exponent = min(-2, exponent) if isinstance(exponent, int) and exponent >= 0 else exponent
    half = Decimal(5).scaleb(int(exponent) - 1)
    return PrintedP(text, max(Decimal(0), number - half), min(Decimal(1), number + half), True, number + half > 1)


def percent_counts(percent: str, n: int) -> list[int]:
    """The event counts k in 0..n whose percentage 100 k / n rounds to ``percent`` as printed:
    within half a unit of its last digit either way, both ends included (a half may be rounded
    up or to even), in exact arithmetic (``82.4`` of 17: [14])."""
    try:
        value = Decimal(percent.strip().rstrip("%").strip())
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or not 0 <= value <= 100:
        raise OptionError("percent", f"expected a printed percentage between 0 and 100, such as 82.4; got {percent!r}")
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise OptionError("n", f"expected the number of patients, at least 1; got {n}")
    exponent = value.as_tuple().exponent
    half = Fraction(Decimal(5).scaleb(int(exponent) - 1)) if isinstance(exponent, int) else Fraction(0)
    target = Fraction(value)
    centre = int(target * n / 100)
    return [
        k
        for k in range(max(0, centre - 2 - int(half * n / 100)), min(n, centre + 2 + int(half * n / 100)) + 1)
        if abs(Fraction(100 * k, n) - target) <= half
    ]


def fisher_mid_p(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Fisher's two-sided mid-P of x1/n1 against x2/n2: the probability (given the margins) of
    the tables less likely than the one observed, plus half that of the tables as likely (it
    included; within ``fisher.test``'s relative tolerance 1e-7)."""
    import numpy as np
    from scipy import stats

    (x1, n1), (x2, n2) = a, b
    events = x1 + x2
    support = np.arange(max(0, events - n2), min(n1, events) + 1)
    d = stats.hypergeom.pmf(support, n1 + n2, n1, events)
    observed = stats.hypergeom.pmf(x1, n1 + n2, n1, events)
    less = d < observed / RELATIVE_TOLERANCE
    same = ~less & (d <= observed * RELATIVE_TOLERANCE)
    return float(min(1.0, d[less].sum() + d[same].sum() / 2))


def chi_square_uncorrected(a: tuple[int, int], b: tuple[int, int]) -> tuple[float, float] | None:
    """Pearson's chi-square statistic of the 2x2 table without Yates' correction and its P, as
    R's ``chisq.test(correct = FALSE)``; None when a row or column is empty (R gives NaN)."""
    from scipy import stats

    (x1, n1), (x2, n2) = a, b
    total = n1 + n2
    rows, columns = (n1, n2), (x1 + x2, total - x1 - x2)
    if 0 in rows or 0 in columns:
        return None
    observed = ((x1, n1 - x1), (x2, n2 - x2))
    statistic = math.fsum(
        (observed[i][j] - rows[i] * columns[j] / total) ** 2 / (rows[i] * columns[j] / total)
        for i in range(2)
        for j in range(2)
    )
    return statistic, float(stats.chi2.sf(statistic, 1))
