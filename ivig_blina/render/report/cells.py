"""What the report's tables are made of: numbered tables, footnote letters for the tests, and
each cell's text from a typed result (summaries, effects, intervals), rounded by :mod:`numbers`;
nothing is recomputed."""

from __future__ import annotations

from collections.abc import Iterable

from ivig_blina.analyses.results import (
    BinarySummary,
    Comparison,
    CompetingRiskSummary,
    ContinuousSummary,
    OutcomeResult,
    RateSummary,
    TimeToEventSummary,
)
from ivig_blina.render.report.document import Cell
from ivig_blina.render.report.numbers import DASH, difference, fixed, percent, ratio, value
from ivig_blina.render.report.wording import effect_label, is_ratio, outcome_label, outcome_unit

LETTERS = "abcdefghijklmnopqrstuvwxyz"
SURVIVAL_KINDS = ("time-to-event",)


class Counter:
    """Numbers tables in the order they appear."""

    def __init__(self) -> None:
        self.tables = 0

    def table(self) -> int:
        self.tables += 1
        return self.tables


class Notes:
    """Footnote letters for the tests, in order of first use, shared by the tables of one kind."""

    def __init__(self) -> None:
        self.marks: dict[str, str] = {}

    def mark(self, note: str) -> str:
        return self.marks.setdefault(note, LETTERS[len(self.marks) % 26])

    def text(self, mark: str) -> str:
        return next(note for note, m in self.marks.items() if m == mark)

    def lines(self, used: Iterable[str]) -> list[str]:
        wanted = set(used)
        return [f"{mark}: {note}" for note, mark in self.marks.items() if mark in wanted]


def num(text: str, mark: str = "") -> Cell:
    return Cell(text, "right", mark=mark)


def label(outcome: OutcomeResult, cmp: Comparison) -> str:
    return outcome_label(outcome.outcome, cmp.options.get("landmark_day"))


def row_label(outcome: OutcomeResult, cmp: Comparison) -> str:
    """An outcome's name in a table's first column, with its unit unless the name says it."""
    unit = outcome_unit(outcome.outcome, cmp.cohort.igg_units if cmp.cohort is not None else "mg/dL")
    return label(outcome, cmp) + (f", {unit}" if unit and unit != "days" else "")


def group_sizes(cmp: Comparison) -> dict[str, int]:
    """Patients compared per group: the largest n of any outcome (every patient counts in the
    event outcomes; a continuous outcome leaves out patients without a value)."""
    return {g: max((o.groups[g].n for o in cmp.outcomes), default=0) for g in cmp.groups}


def level_of(cmp: Comparison) -> float:
    return float(cmp.options.get("confidence_level", 0.95))


def ci_header(cmp: Comparison) -> str:
    return f"{100 * level_of(cmp):g}% CI"


def quartiles_text(s) -> str:
    return DASH if not s.n else f"{value(s.median)} ({value(s.q1)} to {value(s.q3)})"


def mean_sd_text(s) -> str:
    return DASH if not s.n else f"{value(s.mean)} ({value(s.sd)})"


def count_text(n: int, pct: float | None) -> str:
    return f"{n:,}" if pct is None else f"{n:,} ({fixed(pct, 1)}%)"


def summary_text(s, header_n: int) -> str:
    """One group's summary of an outcome for the outcomes table."""
    n_note = f"; n = {s.n:,}" if s.n != header_n else ""
    if isinstance(s, ContinuousSummary):
        return (DASH if not s.n else f"{value(s.median)} ({value(s.q1)} to {value(s.q3)})") + n_note
    if isinstance(s, BinarySummary):
        return f"{s.events:,}/{s.n:,} ({percent(s.proportion)})"
    if isinstance(s, CompetingRiskSummary):
        return f"{s.events:,}/{s.n:,} infected; {s.competing_events:,} competing deaths"
    if isinstance(s, TimeToEventSummary):
        median = "median not reached" if s.median is None else f"median {value(s.median)} days"
        return f"{s.events:,}/{s.n:,} infected; {median}"
    if isinstance(s, RateSummary):
        return f"{s.episodes:,} in {value(s.patient_days)} days ({value(s.rate_per_100_patient_days, 3)})"
    raise TypeError(f"no report form for {type(s).__name__}")


def effect_parts(estimate: float | None, ci, estimand: str | None) -> tuple[str, str, str]:
    """The estimate's short name, the estimate and its interval as text (``("OR", "2.24",
    "0.141 to 28.3")``); empty texts without an estimate."""
    if estimate is None:
        return "", "", ""
    low, high = (ci.low, ci.high) if ci is not None else (None, None)
    shown, interval = (ratio if is_ratio(estimand) else difference)(estimate, low, high)
    return effect_label(estimand), shown, interval


def effect_text(estimate: float | None, ci, estimand: str | None) -> str:
    """``OR 2.24 (0.141 to 28.3)``; empty without an estimate."""
    name, shown, interval = effect_parts(estimate, ci, estimand)
    if not shown:
        return ""
    return f"{name} {shown}" + (f" ({interval})" if interval else "")


def risk_difference_text(o: OutcomeResult) -> str:
    """The risk difference in percentage points with its interval."""
    rd = o.risk_difference
    if rd is None:
        return ""
    shown, interval = difference(100 * rd.estimate, 100 * rd.ci.low, 100 * rd.ci.high)
    return f"{shown} ({interval})"


def adjustment_name(method: str) -> str:
    return {"holm": "Holm's method", "bonferroni": "Bonferroni's method", "bh": "Benjamini-Hochberg's method"}.get(
        method, method
    )


def points(proportion: float | None) -> str:
    """A proportion in percent without the sign (inside an interval after a percentage)."""
    return percent(proportion).rstrip("%")


def median_interval(s: TimeToEventSummary) -> str:
    """The Kaplan-Meier median's interval; an end R gives as NA was not reached."""
    low = "not reached" if s.median_ci_low is None else value(s.median_ci_low)
    high = "not reached" if s.median_ci_high is None else value(s.median_ci_high)
    return f"{low} to {high}"
