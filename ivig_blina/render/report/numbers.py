"""Numbers as a manuscript prints them. The report never computes a statistic: these
functions only round the library's numbers for reading.

- P values: :func:`~ivig_blina.analyses.results.format_p` (the journal rule: ``<0.001``, else
  two significant digits, three where two would reach or cross 0.05).
- Summaries (medians, quartiles, rates): four significant digits; no exponent.
- Ratios (odds, hazard, rate ratios) and their interval ends: three significant digits each
  (they live on a log scale, so each end keeps its own precision).
- Differences (shifts, mean differences) and their interval ends: the decimals that give the
  largest of the three magnitudes three significant digits, shared by all three, so that an
  estimate of 6e-05 beside an interval of -39.9 to 32.9 reads 0.0, not 6.21e-05.
- Percentages: one decimal. Intervals: "a to b". Negative numbers take the minus sign (U+2212);
  infinite interval ends are written ∞.
"""

from __future__ import annotations

import math

from ivig_blina.analyses.results import format_p

MINUS = "\u2212"
DASH = "—"  # a missing number
__all__ = ["DASH", "MINUS", "ci", "decimals_for", "difference", "format_p", "p_sentence", "percent", "ratio", "value"]


def _signed(text: str) -> str:
    if text.startswith("-"):
        text = text[1:]
        return text if float(text.replace(",", "")) == 0 else MINUS + text  # never "-0.0"
    return text


def _infinite(x: float) -> str:
    return "∞" if x > 0 else MINUS + "∞"


def value(x: float | None, digits: int = 4) -> str:
    """``x`` to ``digits`` significant digits without an exponent (thousands separated from
    1,000 on); a whole number as such. Missing: an em dash."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return DASH
    if math.isinf(x):
        return _infinite(x)
    if x == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(x)))
    places = max(0, digits - 1 - magnitude)
    rounded = round(x, places)
    if abs(rounded) >= 10 ** (magnitude + 1) and places > 0:  # 9.9996 -> 10.00: one place fewer
        places -= 1
    text = f"{x:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return _signed(text)


def decimals_for(*xs: float | None, digits: int = 3) -> int:
    """The decimals that give the largest finite magnitude among ``xs`` ``digits`` significant
    digits (at least 0)."""
    finite = [abs(x) for x in xs if x is not None and math.isfinite(x) and x != 0]
    if not finite:
        return 0
    return max(0, digits - 1 - math.floor(math.log10(max(finite))))


def fixed(x: float | None, places: int) -> str:
    """``x`` with ``places`` decimals (thousands separated); missing an em dash."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return DASH
    if math.isinf(x):
        return _infinite(x)
    return _signed(f"{x:,.{places}f}")


def ci(low: float | None, high: float | None, format=value) -> str:
    """An interval as "a to b" (no comma: it could be read as a thousands separator)."""
    return f"{format(low)} to {format(high)}"


def ratio(estimate: float | None, low: float | None = None, high: float | None = None) -> tuple[str, str]:
    """A ratio and its interval, three significant digits each: ``("2.24", "0.141 to 28.3")``."""
    three = lambda x: value(x, 3)  # noqa: E731
    return three(estimate), ci(low, high, three) if low is not None or high is not None else ""


def difference(estimate: float | None, low: float | None = None, high: float | None = None) -> tuple[str, str]:
    """A difference and its interval with shared decimals (see the module's docstring)."""
    places = decimals_for(estimate, low, high)
    shown = lambda x: fixed(x, places)  # noqa: E731
    return shown(estimate), ci(low, high, shown) if low is not None or high is not None else ""


def percent(proportion: float | None, places: int = 1) -> str:
    """A proportion (0-1) as a percentage with ``places`` decimals and a % sign."""
    if proportion is None or math.isnan(proportion):
        return DASH
    return fixed(100 * proportion, places) + "%"


def p_sentence(p: float | None) -> str:
    """``P = 0.64`` or ``P < 0.001`` for running text."""
    shown = format_p(p)
    return f"P {shown[0]} {shown[1:]}" if shown.startswith("<") else f"P = {shown}"
