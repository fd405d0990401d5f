"""Typed results of a comparison: one frozen dataclass per kind of group summary, the result
of one outcome, and the whole comparison with its machine forms (``to_dict``, ``to_frame``).

Every summary lists its fields in output order through :meth:`as_dict`, so the writers of
every format read the same fields and a new kind cannot be half-written. Machine forms carry
full precision; only the terminal table (``ivig_blina.render``) rounds.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from ivig_blina.stats import ConfidenceInterval, TestResult

if TYPE_CHECKING:
    import pandas as pd

    from ivig_blina.cohort.load import Cohort

RESULT_COLUMNS = [
    "outcome",
    "kind",
    "test",
    "method",
    "statistic",
    "p_value",
    "p_adjusted",
    "alternative",
    "confidence_level",
    "estimate",
    "estimand",
    "ci_low",
    "ci_high",
    "risk_difference",
    "risk_difference_ci_low",
    "risk_difference_ci_high",
]
GROUP_KEYS = ["n", "median", "q1", "q3", "events", "proportion"]  # first in the wide columns, in this order
# compare --mde: the minimum detectable effects on each scale (ivig_blina.analyses.power)
MDE_SCALES = ("proportion_first_group", "sd_units", "cohen_d", "hazard_ratio")
MDE_COLUMNS = [f"mde_{scale}_{end}" for scale in MDE_SCALES for end in ("low", "high")]
SCHEMA_VERSION = 1  # of the JSON document: raised when a key changes meaning or disappears, not when one is added


class _Fields:
    """A summary's fields, in output order, as a dict."""

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class ContinuousSummary(_Fields):
    """Patients with a value, and the median and quartiles (R's type 7); None when n is 0."""

    n: int
    median: float | None
    q1: float | None
    q3: float | None


@dataclass(frozen=True)
class BinarySummary(_Fields):
    """Patients, patients with the outcome, and their proportion (None when n is 0)."""

    n: int
    events: int
    proportion: float | None


@dataclass(frozen=True)
class SurvivalAt:
    """The Kaplan-Meier infection-free proportion at a landmark day with its CI; None beyond
    the group's last follow-up."""

    day: float
    estimate: float | None
    ci_low: float | None
    ci_high: float | None


@dataclass(frozen=True)
class IncidenceAt:
    """The cumulative incidence (Aalen-Johansen) at a landmark day with its standard error."""

    day: float
    estimate: float | None
    se: float | None


def landmark_key(day: float) -> str:
    return f"d{day:g}"


@dataclass(frozen=True)
class TimeToEventSummary:
    """Time to first infection in one group: patients, infections, the Kaplan-Meier median
    with its CI and the infection-free proportion at each landmark."""

    n: int
    events: int
    median: float | None
    median_ci_low: float | None
    median_ci_high: float | None
    landmarks: tuple[SurvivalAt, ...]

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "n": self.n,
            "events": self.events,
            "median": self.median,
            "median_ci_low": self.median_ci_low,
            "median_ci_high": self.median_ci_high,
        }
        for at in self.landmarks:
            key = f"infection_free_{landmark_key(at.day)}"
            out.update({key: at.estimate, f"{key}_ci_low": at.ci_low, f"{key}_ci_high": at.ci_high})
        return out


@dataclass(frozen=True)
class CompetingRiskSummary:
    """Time to first infection with deaths as a competing event: patients, infections,
    competing deaths and the cumulative incidence of infection at each landmark."""

    n: int
    events: int
    competing_events: int
    landmarks: tuple[IncidenceAt, ...]

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"n": self.n, "events": self.events, "competing_events": self.competing_events}
        for at in self.landmarks:
            key = f"cuminc_{landmark_key(at.day)}"
            out.update({key: at.estimate, f"{key}_se": at.se})
        return out


@dataclass(frozen=True)
class RateSummary(_Fields):
    """Every infection episode per patient-time: patients, episodes, patient-days and the rate
    per 100 patient-days (None without patient-time)."""

    n: int
    episodes: int
    patient_days: float
    rate_per_100_patient_days: float | None


GroupSummary = ContinuousSummary | BinarySummary | TimeToEventSummary | CompetingRiskSummary | RateSummary


@dataclass(frozen=True)
class RiskDifference:
    """The first group's proportion minus the second's, with Newcombe's hybrid score interval."""

    estimate: float
    ci: ConfidenceInterval


@dataclass(frozen=True)
class PairResult:
    """Two of more than two groups compared with the two-group statistic (``a`` against
    ``b``), its P adjusted across the pairs of the outcome."""

    a: str
    b: str
    test: str
    result: TestResult | None
    p_adjusted: float | None = None
    warnings: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        r = self.result
        ci = r.ci if r and r.ci else (None, None)
        return {
            "a": self.a,
            "b": self.b,
            "test": self.test,
            "method": r.method if r else None,
            "p_value": r.pvalue if r else None,
            "p_adjusted": self.p_adjusted,
            "estimate": r.estimate if r else None,
            "estimand": r.estimand if r else None,
            "ci_low": ci[0],
            "ci_high": ci[1],
            "warnings": list(self.warnings + (r.warnings if r else ())),
        }


PAIR_KEYS = ["p_value", "p_adjusted", "estimate", "ci_low", "ci_high"]  # per pair in the wide forms


@dataclass(frozen=True)
class OutcomeResult:
    """One outcome: a summary per group (keyed by group name, in the comparison's order) and
    the test's result. ``result`` is None when the test could not run; ``warnings`` then says
    why. Binary outcomes of two groups carry the risk difference whatever the test; with more
    groups, ``pairwise`` holds each pair when asked for."""

    outcome: str
    kind: str
    test: str
    groups: Mapping[str, GroupSummary]
    result: TestResult | None
    warnings: tuple[str, ...] = ()
    risk_difference: RiskDifference | None = None
    p_adjusted: float | None = None
    pairwise: tuple[PairResult, ...] = ()
    mde: tuple[Any, ...] | None = None  # with compare --mde: analyses.power.Detectable, one per method

    def fields(self, alternative: str | None, confidence_level: float | None) -> dict[str, Any]:
        """The result columns every format shares (``RESULT_COLUMNS``)."""
        r, rd = self.result, self.risk_difference
        ci = r.ci if r and r.ci else (None, None)
        return {
            "outcome": self.outcome,
            "kind": self.kind,
            "test": self.test,
            "method": r.method if r else None,
            "statistic": r.statistic if r else None,
            "p_value": r.pvalue if r else None,
            "p_adjusted": self.p_adjusted,
            "alternative": alternative,
            "confidence_level": confidence_level,
            "estimate": r.estimate if r else None,
            "estimand": r.estimand if r else None,
            "ci_low": ci[0],
            "ci_high": ci[1],
            "risk_difference": rd.estimate if rd else None,
            "risk_difference_ci_low": rd.ci.low if rd else None,
            "risk_difference_ci_high": rd.ci.high if rd else None,
        }


@dataclass(frozen=True)
class ModelTerm:
    """One term of a model: the ratio (hazard, odds or rate) exp(coefficient) with its Wald
    interval and P. Terms are named ``cohort`` (first group against the second), ``cohort=NAME``
    (each cohort against the first, with three or more), ``col=level`` for a categorical
    covariate's level against its first in sorted order, or the covariate's name."""

    term: str
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None


@dataclass(frozen=True)
class ModelResult:
    """A fitted model: its name (``hgg_time_varying``, ``time_to_infection_adjusted``, ...),
    the R-style formula, the patients and events in the fit (episodes for a rate model), the
    patients left out for a missing covariate, its terms, method and warnings."""

    model: str
    formula: str
    n: int
    events: int
    terms: tuple[ModelTerm, ...]
    method: str
    warnings: tuple[str, ...] = ()
    n_excluded_missing: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "formula": self.formula,
            "n": self.n,
            "events": self.events,
            "n_excluded_missing": self.n_excluded_missing,
            "terms": [{k: plain(v) for k, v in vars(t).items()} for t in self.terms],
            "method": self.method,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class Comparison:
    """Every outcome compared across ``groups`` (two: first against second; more: an omnibus
    test, and each pair when asked for), the options used, notes on the patients compared,
    and the cohort it came from (for the input accounting and the record of options)."""

    groups: tuple[str, ...]
    outcomes: list[OutcomeResult]
    excluded_patients: int = 0
    options: dict[str, Any] = field(default_factory=dict)
    cohort: Cohort | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    models: tuple[ModelResult, ...] = ()
    immortal_time: dict[str, dict[str, Any]] | None = None  # per group, with models: see cohort.timevarying
    infection_breakdown: list[dict[str, Any]] | None = None  # with --burden: see cohort.pathogens

    def relabelled(self, labels: Mapping[str, str] | None) -> Comparison:
        """The comparison with each cohort shown by its label (``--labels``): the groups, each
        outcome's summaries and pairs, the immortal-time account. ``meta.options`` keeps the
        cohorts' own names in ``groups`` and records ``labels``."""
        if not labels:
            return self
        from dataclasses import replace

        def name(g: str) -> str:
            return labels.get(g, g)

        outcomes = [
            replace(
                o,
                groups={name(g): summary for g, summary in o.groups.items()},
                pairwise=tuple(replace(p, a=name(p.a), b=name(p.b)) for p in o.pairwise),
                mde=o.mde and tuple(replace(d, n={name(g): n for g, n in d.n.items()}) for d in o.mde),
            )
            for o in self.outcomes
        ]
        meta = dict(self.meta)
        if "options" in meta:
            meta["options"] = {**meta["options"], "labels": dict(labels)}
        immortal = None if self.immortal_time is None else {name(g): v for g, v in self.immortal_time.items()}
        breakdown = self.infection_breakdown and [
            {**entry, "groups": {name(g): v for g, v in entry["groups"].items()}} for entry in self.infection_breakdown
        ]
        return replace(
            self,
            groups=tuple(name(g) for g in self.groups),
            outcomes=outcomes,
            meta=meta,
            immortal_time=immortal,
            infection_breakdown=breakdown,
        )

    def sides(self) -> list[str]:
        """The suffix of each group's columns in the wide forms: ``a``, ``b`` for two groups
        (as always), else the position ``1`` to ``k``."""
        if len(self.groups) == 2:
            return ["a", "b"]
        return [str(i) for i in range(1, len(self.groups) + 1)]

    def _pair_suffixes(self) -> list[str]:
        """``1_2``, ``1_3``, ... for each pair when pairwise comparisons were asked for."""
        if not self.options.get("pairwise"):
            return []
        sides = self.sides()
        return [f"{x}_{y}" for i, x in enumerate(sides) for y in sides[i + 1 :]]

    def wide_columns(self) -> list[str]:
        """The columns of the wide forms (CSV, TSV, JSONL, Markdown, :meth:`to_frame`): the
        result fields, the group names, then each group key suffixed by :meth:`sides` (the
        usual ones first, then those of time-to-event and rate outcomes as they appear), each
        pair's P, adjusted P, estimate and interval (``pair_1_2_p_value``...) when asked for,
        then the warnings."""
        keys = list(GROUP_KEYS)
        for o in self.outcomes:
            keys += [k for k in o.groups[self.groups[0]].as_dict() if k not in keys]
        sides = self.sides()
        pairs = self._pair_suffixes()
        return (
            RESULT_COLUMNS
            + (["pairwise_test"] if pairs else [])
            + [f"group_{side}" for side in sides]
            + [f"{k}_{side}" for k in keys for side in sides]
            + [f"pair_{pair}_{k}" for pair in pairs for k in PAIR_KEYS]
            + (MDE_COLUMNS if any(o.mde is not None for o in self.outcomes) else [])
            + ["warnings"]
        )

    def rows(self) -> list[dict[str, Any]]:
        """One wide row per outcome, as Python values (NaN and infinities as floats, missing
        as None); the column names do not depend on the cohort names."""
        columns = self.wide_columns()
        sides = self.sides()
        level, alternative = self.options.get("confidence_level"), self.options.get("alternative")
        out = []
        for o in self.outcomes:
            row = {**o.fields(alternative, level), "warnings": "; ".join(o.warnings)}
            for side, g in zip(sides, self.groups):
                row[f"group_{side}"] = g
                row.update({f"{k}_{side}": v for k, v in o.groups[g].as_dict().items()})
            if o.pairwise:
                row["pairwise_test"] = o.pairwise[0].test
            for pair, p in zip(self._pair_suffixes(), o.pairwise):
                row.update({f"pair_{pair}_{k}": v for k, v in p.as_dict().items() if k in PAIR_KEYS})
            for m in o.mde or ():
                row.update({f"mde_{m.scale}_low": m.mde_low, f"mde_{m.scale}_high": m.mde_high} if m.scale else {})
            out.append({k: row.get(k) for k in columns})
        return out

    MODEL_COLUMNS = [
        "model",
        "term",
        "estimate",
        "ci_low",
        "ci_high",
        "p_value",
        "n",
        "events",
        "n_excluded_missing",
        "formula",
        "method",
        "warnings",
    ]

    def model_rows(self) -> list[dict[str, Any]]:
        """One row per term of every model (``MODEL_COLUMNS``): what ``compare --models``
        writes in the wide formats."""
        rows = []
        for m in self.models:
            for t in m.terms:
                rows.append(
                    {
                        "model": m.model,
                        "term": t.term,
                        "estimate": t.estimate,
                        "ci_low": t.ci_low,
                        "ci_high": t.ci_high,
                        "p_value": t.p_value,
                        "n": m.n,
                        "events": m.events,
                        "n_excluded_missing": m.n_excluded_missing,
                        "formula": m.formula,
                        "method": m.method,
                        "warnings": "; ".join(m.warnings),
                    }
                )
        return rows

    def to_frame(self) -> pd.DataFrame:
        """The rows and columns of the CSV output as a DataFrame (numbers stay numbers:
        infinite interval ends are ``inf``, missing values NaN or None)."""
        import pandas as pd

        return pd.DataFrame(self.rows(), columns=self.wide_columns())

    def to_dict(self) -> dict[str, Any]:
        """The JSON document: ``groups``, ``outcomes`` (each with a summary per group, and
        ``pairwise`` when asked for), ``input`` (what was done with every row), ``notes`` when
        there are any, and ``meta`` (version, input file and its SHA-256, every option), with
        JSON-ready values: None for missing, ``"Inf"``/``"-Inf"`` for infinities."""
        level, alternative = self.options.get("confidence_level"), self.options.get("alternative")
        outcomes = []
        for o in self.outcomes:
            row = {k: plain(v) for k, v in o.fields(alternative, level).items()}
            if o.kind != "binary":
                for key in ("risk_difference", "risk_difference_ci_low", "risk_difference_ci_high"):
                    del row[key]
            row["groups"] = {g: {k: plain(v) for k, v in s.as_dict().items()} for g, s in o.groups.items()}
            if self.options.get("pairwise"):
                row["pairwise"] = [{k: plain(v) for k, v in p.as_dict().items()} for p in o.pairwise]
            row["warnings"] = list(o.warnings)
            if o.mde is not None:
                row["mde"] = [m.figures() for m in o.mde]
            outcomes.append(row)
        counts = self.cohort.input_counts(self.excluded_patients) if self.cohort is not None else {}
        if self.immortal_time is not None:
            counts = {**counts, "immortal_time": self.immortal_time}
        notes = {"notes": list(self.notes)} if self.notes else {}
        models = {"models": [m.as_dict() for m in self.models]} if self.options.get("models") else {}
        breakdown = {} if self.infection_breakdown is None else {"infection_breakdown": self.infection_breakdown}
        return {
            "groups": list(self.groups),
            "outcomes": outcomes,
            **breakdown,
            **models,
            "input": counts,
            **notes,
            "meta": self.meta,
        }


def plain(value: Any) -> Any:
    """A JSON-ready Python value: None for NaN and missing values, "Inf"/"-Inf" for
    infinities (as R writes them), int/float/bool/str otherwise."""
    if value is None:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "Inf" if value > 0 else "-Inf"
    import pandas as pd

    if value is pd.NA or value is pd.NaT:
        return None
    return value


def format_p(p: float | None) -> str:
    """A P value for people (terminal, figures, report): ``<0.001`` below 0.001, else two
    significant digits, and three where two would round to 0.05 (0.0496, 0.0504), so that
    rounding never moves a P value onto or across the conventional line. Missing: an em dash."""
    if p is None or math.isnan(p):
        return "—"
    if p < 0.001:
        return "<0.001"
    return f"{p:.3g}" if float(f"{p:.2g}") == 0.05 and p != 0.05 else f"{p:.2g}"
