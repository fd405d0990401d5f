"""What a study could detect: for each outcome of ``compare``, at the group sizes (and events)
``compare`` reports for it, the minimum effect detectable with the target power, the power at
given proportions, and the patients needed for a given effect. Never observed (post hoc) power:
it is a function of the P value and says nothing the P value does not (Hoenig and Heisey,
Am Stat 2001;55:19-24, doi:10.1198/000313001300339897)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from ivig_blina import __version__
from ivig_blina.analyses.results import (
    SCHEMA_VERSION,
    BinarySummary,
    Comparison,
    CompetingRiskSummary,
    ContinuousSummary,
    OutcomeResult,
    TimeToEventSummary,
    plain,
)
from ivig_blina.errors import OptionError
from ivig_blina.stats import power as formulas

if TYPE_CHECKING:
    import pandas as pd

    from ivig_blina.cohort.load import Cohort

EFFECT_KINDS = ("binary", "continuous", "time-to-event")
DEFAULT_NAMES = ("first", "second")  # the groups of --sizes, unless named


@dataclass(frozen=True)
class Detectable:
    """One outcome's power figures by one method (continuous outcomes have two: Noether's in SD
    units and the t-test's Cohen's d).

    ``mde_low`` and ``mde_high`` are the effects below and above no effect detectable with the
    target power, on ``scale``: the first group's proportion (binary; ``p2`` is the second
    group's, around which it is scanned), a location shift in SD units or Cohen's d
    (continuous), a hazard ratio first over second (time to event, from ``events``). ``p1`` and
    ``power_at_p1``: the power at a given first-group proportion. ``effect``: a given effect, and
    the patients per group (``n_required``) and events (``events_required``) it needs, with the
    power they give where the method computes it. ``method`` is None for an outcome without a
    method here (``note`` says why); figures are None where they cannot be computed
    (``warnings`` or ``note`` says why)."""

    outcome: str
    kind: str
    n: Mapping[str, int]
    method: str | None
    scale: str | None
    mde_low: float | None = None
    mde_high: float | None = None
    p2: float | None = None
    events: int | None = None
    p1: float | None = None
    power_at_p1: float | None = None
    effect: float | None = None
    n_required: Mapping[str, int] | None = None
    events_required: int | None = None
    power_at_n_required: float | None = None
    note: str | None = None
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: every field, JSON-ready."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Mapping):
                value = dict(value)
            out[f.name] = list(value) if isinstance(value, tuple) else plain(value)
        return out

    def figures(self) -> dict[str, Any]:
        """What ``compare --mde`` adds per method: ``method``, ``scale``, ``mde_low``,
        ``mde_high``, ``note``."""
        return {
            "method": self.method,
            "scale": self.scale,
            "mde_low": plain(self.mde_low),
            "mde_high": plain(self.mde_high),
            "note": self.note,
        }


@dataclass(frozen=True)
class PowerAnalysis:
    """Every outcome's :class:`Detectable` figures (``rows``, one per outcome and method) at
    two-sided ``alpha`` and the target ``power``, for ``groups`` (first against second; with
    more than two cohorts every row has ``method`` None and a note)."""

    groups: tuple[str, ...]
    alpha: float
    power: float
    rows: tuple[Detectable, ...]
    cohort: Cohort | None = None
    excluded_patients: int = 0
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document: ``alpha``, ``power``, ``groups``, ``outcomes`` (one object per
        outcome and method), ``input`` (what was done with every row of the file; empty without
        one) and ``meta``."""
        counts = self.cohort.input_counts(self.excluded_patients) if self.cohort is not None else {}
        return {
            "alpha": self.alpha,
            "power": self.power,
            "groups": list(self.groups),
            "outcomes": [row.to_dict() for row in self.rows],
            "input": counts,
            "meta": self.meta,
        }

    def sides(self) -> list[str]:
        """The suffix of each group's columns, as ``compare``'s: ``a``, ``b`` for two groups, else
        the position ``1`` to ``k``."""
        return ["a", "b"] if len(self.groups) == 2 else [str(i) for i in range(1, len(self.groups) + 1)]

    def columns(self) -> list[str]:
        """The columns of :meth:`table_rows`: the outcome, method and scale, the groups and their
        sizes (suffixed as :meth:`sides`), then the figures."""
        sides = self.sides()
        out = ["outcome", "kind", "method", "scale", *(f"group_{s}" for s in sides), *(f"n_{s}" for s in sides)]
        for f in fields(Detectable):
            if f.name == "n_required":
                out += [f"n_required_{s}" for s in sides]
            elif f.name not in out and f.name != "n":
                out.append(f.name)
        return out

    def table_rows(self) -> list[dict[str, Any]]:
        """One flat row per outcome and method (the CSV, TSV, JSONL and Markdown rows), plain
        values; warnings joined by ``; ``."""
        out = []
        for row in self.rows:
            flat = row.to_dict()
            n, needed = flat.pop("n"), flat.pop("n_required") or {}
            for side, g in zip(self.sides(), self.groups):
                flat.update({f"group_{side}": g, f"n_{side}": n.get(g), f"n_required_{side}": needed.get(g)})
            flat["warnings"] = "; ".join(row.warnings)
            out.append({c: flat[c] for c in self.columns()})
        return out

    def to_frame(self) -> pd.DataFrame:
        """:meth:`table_rows` as a DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.table_rows(), columns=self.columns())


@dataclass(frozen=True)
class Targets:
    """What is asked beyond the minimum detectable effects: the first and second groups'
    proportions (``p1``, ``p2``; ``p2`` replaces the one observed), the events for the hazard
    ratio (replacing those observed), the effects to size a study for and the event rate that
    turns events into patients."""

    p1: float | None = None
    p2: float | None = None
    events: int | None = None
    effects: Mapping[str, float] = field(default_factory=dict)
    event_rate: float | None = None


def check_targets(
    alpha: Any,
    power: Any,
    p1: Any = None,
    p2: Any = None,
    events: Any = None,
    effects: Mapping[str, Any] | None = None,
    event_rate: Any = None,
) -> tuple[float, float, Targets]:
    """Every option checked once, at the boundary: an :class:`OptionError` naming the first bad
    one (the CLI's usage error, exit 2)."""
    alpha, power = formulas.check_level("alpha", alpha), formulas.check_level("power", power)
    p1 = None if p1 is None else formulas.check_proportion("p1", p1)
    p2 = None if p2 is None else formulas.check_proportion("p2", p2)
    if events is not None and (isinstance(events, bool) or not isinstance(events, int) or events < 1):
        raise OptionError("events", f"expected a number of events of at least 1, got {events}")
    checked = {}
    for kind, value in (effects or {}).items():
        checked[kind] = check_effect(kind, value)
    if event_rate is not None and (
        isinstance(event_rate, bool) or not isinstance(event_rate, (int, float)) or not 0 < event_rate <= 1
    ):
        raise OptionError(
            "event_rate", f"expected the proportion of patients with an event, in (0, 1], got {event_rate}"
        )
    if event_rate is not None and "time-to-event" not in checked:
        raise OptionError(
            "event_rate", "turns the events a hazard ratio needs into patients: give time-to-event=HR too"
        )
    return alpha, power, Targets(p1, p2, events, checked, None if event_rate is None else float(event_rate))


def check_effect(kind: Any, value: Any) -> float:
    """An effect to size a study for: ``binary`` the first group's proportion, ``continuous``
    Cohen's d (a shift in SD units), ``time-to-event`` a hazard ratio (first over second)."""
    if kind not in EFFECT_KINDS:
        raise OptionError("effect", f"expected KIND=VALUE with KIND one of {', '.join(EFFECT_KINDS)}, got {kind!r}")
    number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else math.nan
    if kind == "binary":
        if not 0 <= number <= 1:
            raise OptionError("effect", f"binary=VALUE is the first group's proportion, in [0, 1]; got {value}")
    elif kind == "continuous":
        if not math.isfinite(number) or number == 0:
            raise OptionError("effect", f"continuous=VALUE is Cohen's d, a number other than 0; got {value}")
    elif not math.isfinite(number) or number <= 0 or number == 1:
        raise OptionError("effect", f"time-to-event=VALUE is a hazard ratio, above 0 and other than 1; got {value}")
    return float(number)


def power(
    cohort: Cohort | None = None,
    groups: tuple[str, ...] | list[str] | None = None,
    *,
    sizes: tuple[int, int] | list[int] | None = None,
    alpha: float = 0.05,
    power: float = 0.8,
    p1: float | None = None,
    p2: float | None = None,
    events: int | None = None,
    effects: Mapping[str, float] | None = None,
    event_rate: float | None = None,
) -> PowerAnalysis:
    """What the study could detect: the minimum detectable effect of every outcome of
    :func:`~ivig_blina.compare` at the group sizes it reports (or of a planned study of
    ``sizes``), two-sided at ``alpha`` with ``power``.

    Parameters
    ----------
    cohort : Cohort, optional
        From :func:`ivig_blina.load`; or give ``sizes`` instead.
    groups : sequence of str, optional
        The cohorts, as ``compare`` takes them (two; more get no method here, and a note); with
        ``sizes``, the two groups' names.
    sizes : pair of int, optional
        A planned study's patients per group (each at least 2), without a file: a continuous
        row, a binary row with ``p2``, a time-to-event row with ``events`` or a hazard ratio.
    alpha, power : float
        Two-sided level and target power, each strictly between 0 and 1.
    p1, p2 : float, optional
        Proportions: ``p2`` the second group's (instead of the one observed), around which the
        first group's is scanned; ``p1`` adds the exact power at (p1, p2).
    events : int, optional
        Events for the detectable hazard ratio, instead of those observed.
    effects : dict, optional
        ``{"binary": p1, "continuous": d, "time-to-event": hr}``: the patients needed per group
        at the same allocation (events too, for a hazard ratio).
    event_rate : float, optional
        The proportion of patients with an event, turning the events a hazard ratio needs into
        patients.

    Returns
    -------
    PowerAnalysis
        ``rows`` (one :class:`Detectable` per outcome and method), ``to_dict()`` the JSON
        document, ``to_frame()`` the CSV table.

    Examples
    --------
    >>> import ivig_blina
    >>> result = ivig_blina.power(sizes=(17, 6), p2=4 / 6)
    >>> [(row.outcome, row.method, row.mde_low) for row in result.rows][0]
    ('binary', 'fisher-exact', 0.07766666666666666)
    """
    alpha, power, targets = check_targets(alpha, power, p1, p2, events, effects, event_rate)
    if (cohort is None) == (sizes is None):
        raise OptionError("sizes", "give a cohort or the group sizes, not both" if sizes else "give a cohort or sizes")
    if cohort is None:
        return _planned(_sizes(sizes), _names(groups), alpha, power, targets)
    from ivig_blina.analyses.comparison import compare

    comparison = compare(cohort, groups)
    rows = tuple(
        row for outcome in comparison.outcomes for row in _outcome(outcome, comparison.groups, alpha, power, targets)
    )
    meta = {
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "input": cohort.path,
        "input_sha256": cohort.sha256,
        "options": {"groups": list(comparison.groups), **cohort.options, **_recorded(alpha, power, targets)},
    }
    return PowerAnalysis(
        tuple(comparison.groups),
        alpha,
        power,
        rows,
        cohort=cohort,
        excluded_patients=comparison.excluded_patients,
        meta=meta,
    )


def with_mde(comparison: Comparison, alpha: float | None = None, power: float = 0.8) -> Comparison:
    """``comparison`` with each outcome's minimum detectable effects (``OutcomeResult.mde``, one
    :class:`Detectable` per method) at two-sided ``alpha`` (default: one minus the comparison's
    confidence level, so that they stand beside its intervals) and ``power``; what
    ``compare --mde`` adds."""
    if alpha is None:  # 1 - 0.95 is 0.050000000000000044 in binary: the level meant is 0.05
        alpha = float(f"{1 - comparison.options.get('confidence_level', 0.95):.12g}")
    alpha, power, targets = check_targets(alpha, power)
    outcomes = [
        replace(o, mde=tuple(_outcome(o, comparison.groups, alpha, power, targets))) for o in comparison.outcomes
    ]
    meta = dict(comparison.meta)
    if "options" in meta:
        meta["options"] = {**meta["options"], "mde": {"alpha": alpha, "power": power}}
    return replace(comparison, outcomes=outcomes, meta=meta)


# ------------------------------------------------------------------------------- the rows


def _outcome(o: OutcomeResult, groups: tuple[str, ...], alpha: float, power: float, targets: Targets):
    """The rows of one outcome of a comparison, at the sizes and events it reports."""
    if len(groups) != 2:
        yield Detectable(
            o.outcome, o.kind, _sizes_of(o), None, None, note="no power method here for more than two cohorts"
        )
        return
    a, b = (o.groups[g] for g in groups)
    n = {g: s.n for g, s in zip(groups, (a, b))}
    if isinstance(a, ContinuousSummary):
        yield from _continuous(o.outcome, groups, a.n, b.n, alpha, power, targets)
    elif isinstance(a, BinarySummary) and isinstance(b, BinarySummary):
        observed = b.events / b.n if b.n else None
        yield _binary(
            o.outcome, groups, a.n, b.n, targets.p2 if targets.p2 is not None else observed, alpha, power, targets
        )
    elif isinstance(a, TimeToEventSummary) and isinstance(b, TimeToEventSummary):
        given = targets.events if targets.events is not None else a.events + b.events
        yield _time_to_event(o.outcome, groups, a.n, b.n, given, alpha, power, targets)
    elif isinstance(a, CompetingRiskSummary):
        yield Detectable(
            o.outcome, o.kind, n, None, None, note="no power method here for Gray's test (competing risks)"
        )
    else:
        yield Detectable(o.outcome, o.kind, n, None, None, note=f"no power method here for a {o.kind} outcome")


def _sizes_of(o: OutcomeResult) -> dict[str, int]:
    return {g: getattr(s, "n", 0) for g, s in o.groups.items()}


def _too_small(groups: tuple[str, ...], n1: int, n2: int) -> tuple[str, ...]:
    """A warning for a group of fewer than 2 patients (read from a file: null figures)."""
    return tuple(
        f"group '{g}' has {n} patient{'' if n == 1 else 's'}: no power figures (each group needs at least 2)"
        for g, n in zip(groups, (n1, n2))
        if n < 2
    )


def _needed(groups, sample: formulas.SampleSize | None) -> dict[str, Any]:
    if sample is None:
        return {"warnings": ("no difference to detect at this effect: no sample size",)}
    return {
        "n_required": {groups[0]: sample.n1, groups[1]: sample.n2},
        "power_at_n_required": sample.power,
    }


def _binary(outcome, groups, n1: int, n2: int, p2: float | None, alpha, power, targets: Targets) -> Detectable:
    n = dict(zip(groups, (n1, n2)))
    small = _too_small(groups, n1, n2)
    method = formulas.binary_method(n1, n2)
    if small or p2 is None:  # p2 is None only when the second group is empty
        return Detectable(outcome, "binary", n, method, "proportion_first_group", p2=p2, warnings=small)
    low, high = formulas.binary_mde(n1, n2, p2, alpha, power)
    notes = []
    if method == formulas.ARCSINE:
        notes.append(
            f"more than {formulas.MAX_EXACT:,} patients in a group: the normal approximation on the arcsine "
            "scale (exact enumeration does not scale)"
        )
    for side, found in (("below", low), ("above", high)):
        if found is None:
            notes.append(f"no first-group proportion {side} {p2:.4g} reaches {power:.0%} power")
    extra: dict[str, Any] = {}
    if targets.p1 is not None:
        extra["p1"] = targets.p1
        extra["power_at_p1"] = float(formulas.binary_power(n1, n2, targets.p1, p2, alpha)[0])
    if "binary" in targets.effects:
        effect = targets.effects["binary"]
        sample = formulas.binary_sample_size(n1, n2, effect, p2, alpha, power)
        extra.update(effect=effect, **_needed(groups, sample))
        if sample is not None and sample.note and sample.note not in notes:
            notes.append(f"sample size: {sample.note}")
    return Detectable(
        outcome,
        "binary",
        n,
        method,
        "proportion_first_group",
        mde_low=low,
        mde_high=high,
        p2=p2,
        note="; ".join(notes) or None,
        **extra,
    )


def _continuous(outcome, groups, n1: int, n2: int, alpha, power, targets: Targets):
    n = dict(zip(groups, (n1, n2)))
    small = _too_small(groups, n1, n2)
    effect = targets.effects.get("continuous")
    for method, scale in (("noether", "sd_units"), ("t-test", "cohen_d")):
        if small:
            yield Detectable(outcome, "continuous", n, method, scale, effect=effect, warnings=small)
            continue
        extra: dict[str, Any] = {}
        note = None
        if method == "noether":
            shift = formulas.noether_mde(n1, n2, alpha, power)
            if effect is not None:
                extra.update(
                    effect=effect, **_needed(groups, formulas.noether_sample_size(n1, n2, effect, alpha, power))
                )
        else:
            shift = formulas.t_mde(n1, n2, alpha, power)
            if effect is not None:
                extra.update(effect=effect, **_needed(groups, formulas.t_sample_size(n1, n2, effect, alpha, power)))
        if shift is None:
            note = f"no shift reaches {power:.0%} power at these sizes"
        yield Detectable(
            outcome,
            "continuous",
            n,
            method,
            scale,
            mde_low=None if shift is None else -shift,
            mde_high=shift,
            note=note,
            **extra,
        )


def _time_to_event(outcome, groups, n1: int, n2: int, events: int | None, alpha, power, targets: Targets):
    n = dict(zip(groups, (n1, n2)))
    warnings = _too_small(groups, n1, n2)
    extra: dict[str, Any] = {}
    low = high = None
    if not warnings:
        if events:
            low, high = formulas.schoenfeld_mde(events, n1, n2, alpha, power)
        else:
            warnings += ("no events: no detectable hazard ratio (a planned study: give the events)",)
        if "time-to-event" in targets.effects:
            ratio = targets.effects["time-to-event"]
            needed = formulas.schoenfeld_events(ratio, n1, n2, alpha, power)
            extra["effect"] = ratio
            if needed is not None:
                extra["events_required"] = math.ceil(needed)
                if targets.event_rate is not None:
                    share, patients = n1 / (n1 + n2), needed / targets.event_rate
                    extra["n_required"] = {
                        groups[0]: math.ceil(share * patients),
                        groups[1]: math.ceil((1 - share) * patients),
                    }
    return Detectable(
        outcome,
        "time-to-event",
        n,
        "schoenfeld",
        "hazard_ratio",
        mde_low=low,
        mde_high=high,
        events=events,
        warnings=warnings,
        **extra,
    )


def _planned(sizes: tuple[int, int], groups: tuple[str, str], alpha, power, targets: Targets) -> PowerAnalysis:
    """A planned study of ``sizes`` patients: a binary row when p2 is given, the continuous
    rows, a time-to-event row when events or a hazard ratio are given."""
    n1, n2 = sizes
    rows: list[Detectable] = []
    if "binary" in targets.effects and targets.p2 is None:
        raise OptionError("p2", "binary=P1 sizes a study against the second group's proportion: give p2")
    if targets.p1 is not None and targets.p2 is None:
        raise OptionError("p2", "the power at p1 is against the second group's proportion: give p2")
    if targets.p2 is not None:
        rows.append(_binary("binary", groups, n1, n2, targets.p2, alpha, power, targets))
    rows += _continuous("continuous", groups, n1, n2, alpha, power, targets)
    if targets.events is not None or "time-to-event" in targets.effects:
        rows.append(_time_to_event("time-to-event", groups, n1, n2, targets.events, alpha, power, targets))
    meta = {
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "input": None,
        "options": {"groups": list(groups), "sizes": list(sizes), **_recorded(alpha, power, targets)},
    }
    return PowerAnalysis(groups, alpha, power, tuple(rows), meta=meta)


def _recorded(alpha: float, power: float, targets: Targets) -> dict[str, Any]:
    return {
        "alpha": alpha,
        "power": power,
        "p1": targets.p1,
        "p2": targets.p2,
        "events": targets.events,
        "effects": dict(targets.effects),
        "event_rate": targets.event_rate,
    }


def _sizes(sizes) -> tuple[int, int]:
    if len(sizes) != 2:
        raise OptionError("sizes", f"expected two group sizes, got {list(sizes)}")
    return formulas.check_size("sizes", sizes[0]), formulas.check_size("sizes", sizes[1])


def _names(groups) -> tuple[str, str]:
    if groups is None:
        return DEFAULT_NAMES
    if len(groups) != 2 or groups[0] == groups[1]:
        raise OptionError("groups", f"expected two different group names, got {list(groups)}")
    return groups[0], groups[1]
