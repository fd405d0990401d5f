"""Regression models' results and designs: :class:`ModelFit` with its :class:`Term` rows, the
dummy coding shared by the caller and R, and the Wald rows every model reports.

The fitting lives beside this module: :func:`ivig_blina.stats.cox.cox` (``survival::coxph``),
:func:`ivig_blina.stats.glm.logistic` (``glm(family = binomial)``),
:func:`ivig_blina.stats.glm.negative_binomial` (``MASS::glm.nb``) and
:func:`ivig_blina.stats.finegray.fine_gray` (``cmprsk::crr``). Each takes a design matrix (one
column per term, no intercept: the GLMs add R's) and outcome arrays, never a table. numpy and
scipy are imported inside the functions.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

NAN = math.nan


@dataclass(frozen=True)
class Term:
    """One coefficient: ``estimate = exp(coef)`` (a hazard, odds or rate ratio), its Wald
    interval ``exp(coef -/+ z se)`` (R's ``exp(confint.default(fit))``) and Wald P. NaN
    throughout for a coefficient R reports as ``NA`` (aliased, or a model that cannot be
    fitted)."""

    term: str
    estimate: float
    ci_low: float
    ci_high: float
    p_value: float
    coef: float
    se: float

    @property
    def z(self) -> float:
        """The Wald statistic ``coef / se``."""
        return self.coef / self.se if self.se > 0 else NAN


@dataclass(frozen=True, kw_only=True)
class ModelFit:
    """A fitted regression model.

    ``terms`` follow the design's columns (the intercept of a GLM is in ``intercept``, not in
    ``terms``); ``n`` counts the rows of the fit (patients, or distinct ``id`` of
    counting-process data where given) and ``events`` the events (rows with ``y = 1``, episodes
    of a count model, events of the cause of interest). ``warnings`` holds R's warnings in R's
    words, each once, and this package's own caveats (events per parameter, aliased terms).
    ``loglik`` is R's ``logLik(fit)`` (Cox and Fine-Gray: the partial and pseudo log
    likelihood at the estimate); ``loglik_null`` the same at all coefficients 0 (Cox,
    Fine-Gray) or of the intercept-only model (logistic), None where R gives none.
    ``theta`` and ``theta_se`` are the negative binomial's ``theta`` and ``SE.theta``.
    ``iterations`` counts Newton or IRLS iterations as R's ``fit$iter`` (``glm.nb``: the
    alternations of IRLS and ``theta.ml``; ``crr``: Newton steps); ``converged`` is False
    when R warns that it ran out of iterations (``glm.nb``: of alternations too).
    ``covariance`` is the terms' Wald covariance (``vcov(fit)`` without the intercept; crr's
    sandwich ``fit$var``), NaN rows and columns for an aliased term.
    """

    terms: tuple[Term, ...]
    n: int
    events: int
    method: str
    converged: bool
    loglik: float
    warnings: tuple[str, ...] = ()
    loglik_null: float | None = None
    iterations: int = 0
    confidence_level: float = 0.95
    intercept: Term | None = None
    theta: float | None = None
    theta_se: float | None = None
    covariance: tuple[tuple[float, ...], ...] = field(default=(), repr=False)

    def term(self, name: str) -> Term:
        """The term called ``name``; a ``KeyError`` naming the terms there are otherwise."""
        for term in self.terms:
            if term.term == name:
                return term
        raise KeyError(f"no term {name!r}; terms: {', '.join(t.term for t in self.terms)}")


def wald_terms(
    names: Sequence[str],
    coef,
    covariance,
    confidence_level: float,
    crr_pvalue: bool = False,
) -> tuple[Term, ...]:
    """Terms from coefficients and their covariance: ``se = sqrt(diag(covariance))``, the
    interval ``exp(coef + qnorm(c(a, 1 - a)) se)`` with ``a = (1 - level) / 2`` (R's
    ``confint.default``) and P ``2 * pnorm(-|z|)`` (``summary.glm``, ``summary.coxph``), or
    ``2 * (1 - pnorm(|z|))`` as ``cmprsk``'s ``print.crr`` and ``summary.crr`` compute it
    (``crr_pvalue``; it reaches 0 below about 1e-16). A NaN coefficient gives a NaN row."""
    import numpy as np
    from scipy import stats

    coef = np.asarray(coef, dtype=float)
    se = np.sqrt(np.diag(np.asarray(covariance, dtype=float)))
    alpha = (1 - confidence_level) / 2
    q_low, q_high = stats.norm.ppf(alpha), stats.norm.ppf(1 - alpha)
    terms = []
    for name, b, s in zip(names, coef, se):
        if not (np.isfinite(b) and np.isfinite(s)):
            terms.append(Term(name, NAN, NAN, NAN, NAN, float(b), float(s)))
            continue
        z = abs(b) / s if s > 0 else math.inf
        p = 2 * (1 - stats.norm.cdf(z)) if crr_pvalue else 2 * stats.norm.sf(z)
        with np.errstate(over="ignore"):
            estimate, low, high = np.exp([b, b + q_low * s, b + q_high * s])
        terms.append(Term(name, float(estimate), float(low), float(high), float(p), float(b), float(s)))
    return tuple(terms)


def not_estimable(names: Sequence[str], method: str, reason: str, n: int, events: int, level: float) -> ModelFit:
    """A fit that R refuses (an error, not a number): every term NaN and ``reason`` as the
    warning."""
    nan_terms = tuple(Term(name, NAN, NAN, NAN, NAN, NAN, NAN) for name in names)
    return ModelFit(
        terms=nan_terms,
        n=n,
        events=events,
        method=method,
        converged=False,
        loglik=NAN,
        warnings=(reason,),
        confidence_level=level,
    )


def unique_warnings(warnings) -> tuple[str, ...]:
    """Each warning once, in the order first given (R repeats theta.ml's at every call)."""
    return tuple(dict.fromkeys(warnings))


# ---------------------------------------------------------------- inputs


def check_design(X, names: Sequence[str], n: int, allow_empty: bool = False) -> np.ndarray:
    """``X`` as an ``(n, p)`` float array with one name per column, finite."""
    import numpy as np

    matrix = np.asarray(X, dtype=float)
    if matrix.ndim == 1 and len(names) == 1:
        matrix = matrix.reshape(-1, 1)
    if matrix.ndim != 2:
        raise ValueError(f"X: expected a 2-D design matrix (rows x terms), got {matrix.ndim} dimensions")
    if matrix.shape[0] != n:
        raise ValueError(f"X: has {matrix.shape[0]} rows but the outcome has {n}")
    if matrix.shape[1] != len(names):
        raise ValueError(f"names: {len(names)} names for {matrix.shape[1]} columns of X")
    if not matrix.shape[1] and not allow_empty:
        raise ValueError("X: the design has no columns (terms)")
    if len(set(names)) != len(names):
        raise ValueError(f"names: each term needs its own name, got {list(names)}")
    if not np.all(np.isfinite(matrix)):
        raise ValueError("X: missing or infinite values; fit complete cases (drop those rows first)")
    return matrix


def check_vector(values, name: str, n: int | None = None) -> np.ndarray:
    """A finite 1-D float array (of length ``n`` where given)."""
    import numpy as np

    array = np.asarray(values, dtype=float)
    if array.ndim != 1:
        raise ValueError(f"{name}: expected a 1-D array, got {array.ndim} dimensions")
    if n is not None and array.size != n:
        raise ValueError(f"{name}: has {array.size} values, expected {n}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name}: missing or infinite values; fit complete cases (drop those rows first)")
    return array


# ---------------------------------------------------------------- designs


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def levels_of(values) -> list:
    """The distinct values of a categorical array in sorted order (numbers numerically, text
    by code point, which is R's ``sort(method = "radix")``, the C locale)."""
    distinct = set(values.tolist() if hasattr(values, "tolist") else values)
    if any(_is_missing(v) for v in distinct):
        raise ValueError("a categorical column has missing values; fit complete cases (drop those rows first)")
    try:
        return sorted(distinct)
    except TypeError:  # numbers and text mixed: compare as text
        return sorted(distinct, key=str)


def dummy_columns(values, name: str, levels: Sequence | None = None) -> tuple[np.ndarray, list[str]]:
    """Treatment (dummy) coding of a categorical array against its first level.

    Parameters
    ----------
    values : array_like
        One label per row, no missing value.
    name : str
        The covariate's name, the start of each column's name.
    levels : sequence, optional
        The levels in order, the first one the reference; by default the distinct values in
        sorted order (:func:`levels_of`). A value that is not among them is an error.

    Returns
    -------
    columns, names : numpy.ndarray, list of str
        One 0/1 column per level after the first, named ``name=level``: R's
        ``model.matrix(~ factor(x, levels = levels))`` with the columns renamed.

    Examples
    --------
    >>> columns, names = dummy_columns(["2", "0", "1", "0"], "ecog")
    >>> names
    ['ecog=1', 'ecog=2']
    >>> columns.tolist()
    [[0.0, 1.0], [0.0, 0.0], [1.0, 0.0], [0.0, 0.0]]
    """
    import numpy as np

    labels = list(values.tolist() if hasattr(values, "tolist") else values)
    order = list(levels) if levels is not None else levels_of(labels)
    if len(order) < 2:
        raise ValueError(
            f"{name}: one level ({', '.join(map(str, order))}); a categorical covariate needs two or more "
            "(R: contrasts can be applied only to factors with 2 or more levels)"
        )
    index = {level: i for i, level in enumerate(order)}
    unknown = [v for v in labels if v not in index]
    if unknown:
        raise ValueError(f"{name}: {unknown[0]!r} is not one of the levels {', '.join(map(str, order))}")
    codes = np.array([index[v] for v in labels], dtype=int)
    columns = (codes[:, None] == np.arange(1, len(order))[None, :]).astype(float)
    return columns, [f"{name}={level}" for level in order[1:]]


def design_matrix(columns: Mapping[str, Any], categorical: Sequence[str] = ()) -> tuple[np.ndarray, list[str]]:
    """A design matrix from named columns, in their order: a numeric column as it is, a
    column named in ``categorical`` as its :func:`dummy_columns`.

    Examples
    --------
    >>> X, names = design_matrix({"age": [61, 70, 55], "sex": ["M", "F", "M"]}, categorical=["sex"])
    >>> names
    ['age', 'sex=M']
    >>> X.tolist()
    [[61.0, 1.0], [70.0, 0.0], [55.0, 1.0]]
    """
    import numpy as np

    unknown = [c for c in categorical if c not in columns]
    if unknown:
        raise ValueError(f"categorical: {', '.join(unknown)} not among the columns {', '.join(columns)}")
    blocks, names = [], []
    for column, values in columns.items():
        if column in categorical:
            block, block_names = dummy_columns(values, column)
        else:
            block, block_names = np.asarray(values, dtype=float).reshape(-1, 1), [column]
        blocks.append(block)
        names += block_names
    if not blocks:
        raise ValueError("columns: no covariate given")
    sizes = {len(block) for block in blocks}
    if len(sizes) > 1:
        raise ValueError(f"columns: differ in length ({', '.join(map(str, sorted(sizes)))})")
    return np.hstack(blocks), names
