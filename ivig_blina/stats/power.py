"""Power, minimum detectable effects and sample sizes of the two-group tests ``compare`` runs.

- Fisher's exact test (two-sided, as R's ``fisher.test``): exact power by enumeration, the sum
  over every table Fisher's test rejects of both binomial probabilities; above
  :data:`MAX_EXACT` patients in a group, the normal approximation on the arcsine scale (as R's
  ``pwr::pwr.2p2n.test``).
- Mann-Whitney: Noether's formula, a location shift in SD units under normality
  (P(X < Y) = Phi(delta / sqrt 2)). Noether GE, JASA 1987;82:645-647, doi:10.2307/2289477.
- The t-test: Cohen's d as R's ``pwr::pwr.t2n.test`` (its power function, and its root-finding
  by R's ``uniroot`` at the default tolerance, so that the digits are R's).
- The log-rank test: Schoenfeld's formula from the number of events and the allocation.
  Schoenfeld DA, Biometrika 1981;68:316-319, doi:10.1093/biomet/68.1.316.

Every test is two-sided at level ``alpha``. Stage 0: sizes, proportions and counts in, numbers
out. May import ``ivig_blina.errors`` and ``ivig_blina.stats`` only.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from ivig_blina.errors import OptionError
from ivig_blina.stats.noncentral import noncentral_t_cdf
from ivig_blina.stats.rootfind import uniroot

MAX_EXACT = 1000  # patients in a group up to which Fisher's power is enumerated exactly
GRID = 1000  # the first group's proportion is scanned on p2 +/- k / GRID
RELATIVE_TOLERANCE = 1 + 1e-7  # fisher.test's relErr: tables this close in probability tie
NEGLIGIBLE = 1e-18  # a margin this improbable is not looked at by the exact power of one proportion
FISHER = "fisher-exact"
ARCSINE = "arcsine"


# ---------------------------------------------------------------------------------- checks


def check_level(name: str, value: Any) -> float:
    """``alpha`` or ``power``: a number strictly between 0 and 1, else an :class:`OptionError`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1:
        raise OptionError(name, f"expected a number strictly between 0 and 1 (e.g. 0.05), got {value}")
    return float(value)


def check_proportion(name: str, value: Any) -> float:
    """A proportion in [0, 1] (0.9, not 90)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise OptionError(name, f"expected a proportion between 0 and 1 (e.g. 0.9), got {value}")
    return float(value)


def check_size(name: str, value: Any) -> int:
    """A group size of at least 2 patients (a t-test, and any comparison, needs two)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 2:
        raise OptionError(name, f"expected at least 2 patients in a group, got {value}")
    return int(value)


def z_sum(alpha: float, power: float) -> float:
    """z_{1 - alpha/2} + z_{power}: R's ``qnorm(1 - alpha / 2) + qnorm(power)``."""
    from scipy.special import ndtri

    return float(ndtri(1 - alpha / 2) + ndtri(power))


# ---------------------------------------------------------------------- Fisher's exact test


def _tables_by_margin(n1: int, n2: int, margins: np.ndarray | None = None, window: bool = False):
    """The 2x2 tables of groups of ``n1`` and ``n2`` laid out by their number of events: one row
    per margin m = x1 + x2 (by default every one from 0 to n1 + n2), one column per x1 from its
    lowest possible value, with each table's probability given its margin (R's ``dnhyper(1)``:
    the hypergeometric density normalised over the row).

    With ``window``, a row holds only the x1 within 12 standard deviations (and 2) of the
    hypergeometric mean, where all but about 1e-30 of its probability lies; the caller checks
    that nothing it needs lies outside. Returns (x1, x2, valid, d, cells, cut): ``cells`` the
    row's number of tables, ``cut`` whether the window cut its low and high ends."""
    from scipy.special import gammaln

    margin = np.arange(n1 + n2 + 1) if margins is None else np.asarray(margins)
    low, high = np.maximum(0, margin - n2), np.minimum(n1, margin)
    start, stop = low, high
    if window:
        total = n1 + n2
        mean = margin * n1 / total
        sd = np.sqrt(margin * n1 * n2 * (total - margin) / (total * total * (total - 1)))
        start = np.maximum(low, np.floor(mean - 12 * sd).astype(np.intp) - 2)
        stop = np.minimum(high, np.ceil(mean + 12 * sd).astype(np.intp) + 2)
    x1 = start[:, None] + np.arange(int((stop - start).max()) + 1)[None, :]
    valid = x1 <= stop[:, None]
    x1 = np.where(valid, x1, start[:, None])
    x2 = margin[:, None] - x1

    def log_choose(n: int) -> np.ndarray:
        k = np.arange(n + 1)
        return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1)

    log_weight = np.where(valid, log_choose(n1)[x1] + log_choose(n2)[x2], -np.inf)
    d = np.exp(log_weight - log_weight.max(axis=1, keepdims=True))
    d /= d.sum(axis=1, keepdims=True)
    return x1, x2, valid, d, (high - low + 1)[:, None], np.stack([start > low, stop < high], axis=1)


def _tail_sums(d: np.ndarray) -> np.ndarray:
    """For every cell of each row of ``d``, the sum over its row of the cells no more likely
    than it (R's ``sum(d[d <= d[x] * relErr])``). Rows are sorted once; a cell's count of cells
    at most its probability times the tolerance comes from a stable merge of the sorted row with
    the cells' thresholds (ties: the row's cell first), all rows at once."""
    rows, columns = d.shape
    ordered = np.sort(d, axis=1)
    cumulative = np.cumsum(ordered, axis=1)
    merged = np.argsort(np.concatenate([ordered, d * RELATIVE_TOLERANCE], axis=1), axis=1, kind="stable")
    is_threshold = merged >= columns
    at_most = np.cumsum(~is_threshold, axis=1)
    count = np.empty((rows, columns), dtype=np.intp)
    np.put_along_axis(
        count,
        (merged[is_threshold] - columns).reshape(rows, columns),
        at_most[is_threshold].reshape(rows, columns),
        axis=1,
    )
    return np.take_along_axis(cumulative, count - 1, axis=1)


def fisher_p_values(n1: int, n2: int) -> np.ndarray:
    """The two-sided P of Fisher's exact test, as R's ``fisher.test``, of every table of groups
    of ``n1`` and ``n2``: entry [x1, x2] is the P of x1/n1 events against x2/n2."""
    x1, x2, valid, d, _, _ = _tables_by_margin(n1, n2)
    p = _tail_sums(d)
    out = np.empty((n1 + 1, n2 + 1))
    out[x1[valid], x2[valid]] = np.minimum(1.0, p[valid])
    return out


def _accepted(n1: int, n2: int, alpha: float, margins: np.ndarray | None = None):
    """The tables (x1, x2) with one of ``margins`` events (default: all) that Fisher's two-sided
    test does not reject at ``alpha`` (P > alpha): every other table is rejected.

    A table whose probability is below alpha / (tables in its row) / 2 is rejected without
    sorting: its P, the mass of the tables no more likely, is at most that times the row's
    tables. Only the band of each row above that bound (about 8 standard deviations wide) is
    sorted, with the mass below it added, and only the window of 12 standard deviations around
    the row's mean is computed (the whole row when the band reaches the window's cut ends): at
    1,000 patients a group 0.06 s where whole rows took 1.2 s."""
    for window in (True, False):
        x1, x2, valid, d, cells, cut = _tables_by_margin(n1, n2, margins, window)
        likely = valid & (d * cells * RELATIVE_TOLERANCE * 2 > alpha)  # every row has one: its mode
        first = np.argmax(likely, axis=1)
        last = d.shape[1] - 1 - np.argmax(likely[:, ::-1], axis=1)
        ends = np.stack([first == 0, last == valid.sum(axis=1) - 1], axis=1)
        if not (ends & cut).any():  # the band lies inside the window
            break
    rows = np.arange(d.shape[0])[:, None]
    column = first[:, None] + np.arange(int((last - first).max()) + 1)[None, :]
    inside = column <= last[:, None]
    column = np.minimum(column, d.shape[1] - 1)  # beyond the row's band: a cell repeated, left out by inside
    band = np.where(inside, d[rows, column], 0.0)
    below = 1.0 - band.sum(axis=1)  # the mass outside the band, all of it less likely
    p = _tail_sums(band) + below[:, None]
    kept = inside & likely[rows, column] & (p > alpha)
    return x1[rows, column][kept], x2[rows, column][kept]


def fisher_rejects(n1: int, n2: int, alpha: float) -> np.ndarray:
    """Which tables Fisher's two-sided test rejects at ``alpha`` (P <= alpha): a boolean array
    [x1, x2], equal to ``fisher_p_values(n1, n2) <= alpha``."""
    rejected = np.ones((n1 + 1, n2 + 1), dtype=bool)
    rejected[_accepted(n1, n2, alpha)] = False
    return rejected


def binomial_pmf(n: int, p) -> np.ndarray:
    """R's ``dbinom(0:n, n, p)``, one row per proportion in ``p``."""
    from scipy.stats import binom

    return binom.pmf(np.arange(n + 1)[None, :], n, np.atleast_1d(np.asarray(p, float))[:, None])


def fisher_power(n1: int, n2: int, p1, p2: float, alpha: float) -> np.ndarray:
    """Exact power of Fisher's two-sided test: the probability, with x1 ~ Bin(n1, p1) and
    x2 ~ Bin(n2, p2) independent, that the table is rejected at ``alpha``, i.e. one minus the
    binomial probability of the tables it accepts. One value per proportion in ``p1``.

    For one proportion, only the margins (x1 + x2) of probability above 1e-18 are looked at (the
    rest, at most 2e-15 in all, count as rejected): near 1,000 patients a group, a few hundred of
    2,001 margins, which makes the sample-size scan six times faster."""
    first = binomial_pmf(n1, p1)
    second = binomial_pmf(n2, p2)[0]
    margins = None
    if len(first) == 1:
        margins = np.nonzero(np.convolve(first[0], second) > NEGLIGIBLE)[0]
    x1, x2 = _accepted(n1, n2, alpha, margins)
    accepted = np.bincount(x1, weights=second[x2], minlength=n1 + 1)  # per x1, P(x2 accepted with it)
    return np.maximum(0.0, 1.0 - first @ accepted)


def arcsine_power(n1: float, n2: float, p1, p2: float, alpha: float) -> np.ndarray:
    """Power of the two-sided test of two proportions on the arcsine scale, as R's
    ``pwr::pwr.2p2n.test(h = ES.h(p1, p2), n1, n2, sig.level = alpha)$power``."""
    from scipy.special import ndtr, ndtri

    h = np.abs(2 * np.arcsin(np.sqrt(np.atleast_1d(np.asarray(p1, float)))) - 2 * math.asin(math.sqrt(p2)))
    shift = h * math.sqrt(n1 * n2 / (n1 + n2))
    z = -ndtri(alpha / 2)  # qnorm(alpha / 2, lower = FALSE)
    return ndtr(shift - z) + ndtr(-z - shift)


def binary_method(n1: int, n2: int) -> str:
    """``fisher-exact`` up to :data:`MAX_EXACT` patients in each group, else ``arcsine``."""
    return FISHER if max(n1, n2) <= MAX_EXACT else ARCSINE


def binary_power(n1: int, n2: int, p1, p2: float, alpha: float) -> np.ndarray:
    """Fisher's exact power, or the arcsine approximation above :data:`MAX_EXACT` in a group."""
    if binary_method(n1, n2) == FISHER:
        return fisher_power(n1, n2, p1, p2, alpha)
    return arcsine_power(n1, n2, p1, p2, alpha)


def binary_mde(n1: int, n2: int, p2: float, alpha: float, power: float) -> tuple[float | None, float | None]:
    """The first-group proportions nearest p2, below and above it, detectable with ``power``:
    scanning p1 = p2 - k / 1000 (then p2 + k / 1000), k = 1, 2, ..., within [0, 1], the first at
    which the power reaches ``power``; None when none does."""
    steps = np.arange(1, GRID + 1) / GRID
    found: list[float | None] = []
    for candidates in (p2 - steps, p2 + steps):
        candidates = candidates[(candidates >= 0) & (candidates <= 1)]
        reached = np.flatnonzero(binary_power(n1, n2, candidates, p2, alpha) >= power) if len(candidates) else None
        found.append(float(candidates[reached[0]]) if reached is not None and reached.size else None)
    return found[0], found[1]


@dataclass(frozen=True)
class SampleSize:
    """Patients needed in each group (first, second), the power they give, and how it was found."""

    n1: int
    n2: int
    power: float | None
    method: str
    note: str | None = None


def allocation_path(n1: int, n2: int):
    """Group sizes at the allocation n1:n2, smallest first: the smaller group takes 2, 3, ...
    patients and the larger that times the ratio, rounded up (in integers: 17:6 at 6 is 17)."""
    small, large = min(n1, n2), max(n1, n2)
    m = 2
    while True:
        other = -(-m * large // small)
        yield (other, m) if n1 > n2 else (m, other)
        m += 1


def binary_sample_size(n1: int, n2: int, p1: float, p2: float, alpha: float, power: float) -> SampleSize | None:
    """Patients per group at the allocation ``n1:n2`` for Fisher's exact test to reach
    ``power`` when the proportions are ``p1`` and ``p2``: the first size on
    :func:`allocation_path` whose exact power reaches it (Fisher's power zig-zags in n: a larger
    size can fall short again). When the arcsine approximation already needs more than
    :data:`MAX_EXACT` in a group, or the exact scan passes it, the arcsine size (as R's
    ``pwr.2p2n.test`` solved at the allocation, each rounded up). None when p1 == p2."""
    if p1 == p2:
        return None
    note = (
        f"more than {MAX_EXACT:,} patients in a group: the normal approximation on the arcsine scale "
        "(exact enumeration does not scale)"
    )
    approximate = arcsine_sample_size(n1, n2, p1, p2, alpha, power)
    if max(approximate.n1, approximate.n2) > MAX_EXACT:
        return SampleSize(approximate.n1, approximate.n2, approximate.power, ARCSINE, note)
    for size1, size2 in allocation_path(n1, n2):
        if max(size1, size2) > MAX_EXACT:  # the exact scan ends here, short of the target
            if approximate.n1 + approximate.n2 < size1 + size2:
                approximate = SampleSize(size1, size2, float(arcsine_power(size1, size2, p1, p2, alpha)[0]), ARCSINE)
            return SampleSize(approximate.n1, approximate.n2, approximate.power, ARCSINE, note)
        achieved = float(fisher_power(size1, size2, p1, p2, alpha)[0])
        if achieved >= power:
            return SampleSize(size1, size2, achieved, FISHER)
    raise AssertionError("unreachable: the allocation path is endless")  # pragma: no cover


def arcsine_sample_size(n1: int, n2: int, p1: float, p2: float, alpha: float, power: float) -> SampleSize:
    """R: ``uniroot(function(m) pwr.2p2n.test(h = ES.h(p1, p2), n1 = r * m, n2 = m)$power - power,
    c(2 + 1e-10, 1e9))$root`` with r = n1 / n2, each group rounded up."""
    ratio = n1 / n2

    def shortfall(m: float) -> float:
        return float(arcsine_power(ratio * m, m, p1, p2, alpha)[0]) - power

    second = _root_or_lowest(shortfall, 2 + 1e-10, 1e9)
    size1, size2 = math.ceil(ratio * second), math.ceil(second)
    return SampleSize(size1, size2, float(arcsine_power(size1, size2, p1, p2, alpha)[0]), ARCSINE)


def _root_or_lowest(f, lower: float, upper: float) -> float:
    """R's ``uniroot(f, c(lower, upper))$root``; ``lower`` when f is already >= 0 there."""
    at_lower = f(lower)
    if at_lower >= 0:
        return lower
    return uniroot(f, lower, upper, f_lower=at_lower)


# ------------------------------------------------------------------------------ continuous


def t_power(n1: float, n2: float, d: float, alpha: float) -> float:
    """Power of the two-sided two-sample t-test, as R's ``pwr::pwr.t2n.test(n1, n2, d,
    sig.level = alpha)$power``: the noncentral t with ncp d / sqrt(1/n1 + 1/n2), by R's
    algorithm (:mod:`ivig_blina.stats.noncentral`)."""
    from scipy import stats

    nu = n1 + n2 - 2
    quantile = float(stats.t.isf(alpha / 2, nu))
    ncp = abs(d) * (1 / math.sqrt(1 / n1 + 1 / n2))
    return noncentral_t_cdf(quantile, nu, ncp, upper=True) + noncentral_t_cdf(-quantile, nu, ncp)


@functools.cache  # compare's continuous outcomes share their sizes: five roots become one
def t_mde(n1: int, n2: int, alpha: float, power: float) -> float | None:
    """Cohen's d detectable with ``power``: R's ``pwr::pwr.t2n.test(n1, n2, sig.level = alpha,
    power = power)$d`` (its root in (1e-7, 10) at uniroot's default tolerance, 1.2e-4, so the
    digits are R's); None when even d = 10 falls short."""
    try:
        return uniroot(lambda d: t_power(n1, n2, d, alpha) - power, 1e-7, 10)
    except ValueError:  # no sign change in (1e-7, 10): pwr stops with an error there
        return None


def t_sample_size(n1: int, n2: int, d: float, alpha: float, power: float) -> SampleSize | None:
    """Patients per group at the allocation ``n1:n2`` for the t-test to reach ``power`` at
    Cohen's d: R's ``uniroot(function(m) pwr.t2n.test(n1 = r * m, n2 = m, d = d)$power - power,
    c(2 + 1e-10, 1e9))$root`` with r = n1 / n2 (the interval of pwr's own n2), each group
    rounded up. None when d is 0."""
    if d == 0:
        return None
    ratio = n1 / n2
    second = _root_or_lowest(lambda m: t_power(ratio * m, m, d, alpha) - power, 2 + 1e-10, 1e9)
    size1, size2 = math.ceil(ratio * second), math.ceil(second)
    return SampleSize(size1, size2, t_power(size1, size2, d, alpha), "t-test")


def noether_mde(n1: int, n2: int, alpha: float, power: float) -> float | None:
    """The location shift in SD units (under normality) that the Mann-Whitney test detects with
    ``power`` by Noether's formula: N = (z_{1-alpha/2} + z_power)^2 / (12 c (1 - c) (p - 1/2)^2)
    with c = n1 / N solved for p = P(X < Y) = Phi(delta / sqrt 2). None when p would reach 1."""
    from scipy.special import ndtri

    p = 0.5 + z_sum(alpha, power) / math.sqrt(12 * n1 * n2 / (n1 + n2))
    return float(math.sqrt(2) * ndtri(p)) if p < 1 else None


def noether_sample_size(n1: int, n2: int, shift: float, alpha: float, power: float) -> SampleSize | None:
    """Patients per group at the allocation ``n1:n2`` for Noether's formula to reach ``power``
    at a shift of ``shift`` SD units: N = (z_{1-alpha/2} + z_power)^2 / (12 c (1 - c)
    (Phi(shift / sqrt 2) - 1/2)^2), c N and (1 - c) N each rounded up. None when shift is 0."""
    from scipy.special import ndtr

    if shift == 0:
        return None
    c = n1 / (n1 + n2)
    total = z_sum(alpha, power) ** 2 / (12 * c * (1 - c) * (float(ndtr(shift / math.sqrt(2))) - 0.5) ** 2)
    return SampleSize(math.ceil(c * total), math.ceil((1 - c) * total), None, "noether")


# ---------------------------------------------------------------------------- time to event


def schoenfeld_mde(events: float, n1: int, n2: int, alpha: float, power: float) -> tuple[float, float]:
    """The hazard ratios (below and above 1) the log-rank test detects with ``power`` from
    ``events`` events at the allocation n1:n2, by Schoenfeld's formula
    D = (z_{1-alpha/2} + z_power)^2 / (c (1 - c) log(HR)^2), c = n1 / (n1 + n2)."""
    c = n1 / (n1 + n2)
    log_hr = z_sum(alpha, power) / math.sqrt(events * c * (1 - c))
    return math.exp(-log_hr), math.exp(log_hr)


def schoenfeld_events(hazard_ratio: float, n1: int, n2: int, alpha: float, power: float) -> float | None:
    """Events needed (not rounded) for the log-rank test to detect ``hazard_ratio`` with
    ``power`` at the allocation n1:n2, by Schoenfeld's formula; None when the ratio is 1."""
    if hazard_ratio == 1:
        return None
    c = n1 / (n1 + n2)
    return z_sum(alpha, power) ** 2 / (c * (1 - c) * math.log(hazard_ratio) ** 2)
