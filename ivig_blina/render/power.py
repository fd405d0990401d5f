"""Terminal forms (never parsed) of ``power`` and ``verify``, and the minimum detectable
effects ``compare --mde`` adds to its table. Plain text, rounded; the machine formats carry full
precision."""

from __future__ import annotations

from typing import Any

from ivig_blina.analyses.results import format_p
from ivig_blina.errors import printable
from ivig_blina.render.text import rows_table

SCALE_NAMES = {
    "proportion_first_group": "first group's proportion",
    "sd_units": "shift in SD units",
    "cohen_d": "Cohen's d",
    "hazard_ratio": "hazard ratio",
}

MDE_CAPTION = (
    " MDE: the minimum detectable effect, first group against second, at {power:.0%} power and two-sided"
    " alpha {alpha:.3g}: the first group's proportion (p1) below or above the second's; a shift in SD units"
    " (Mann-Whitney, Noether) and Cohen's d (t-test); the hazard ratio (Schoenfeld)."
)


def _number(x: float | None) -> str:
    return "—" if x is None else f"{x:.3g}"


def mde_text(m: Any) -> str:
    """One method's minimum detectable effects, short: ``p1 ≤0.0777`` (a proportion; none
    above), ``±1.71 SD``, ``d ±1.41``, ``HR ≤0.222 or ≥4.5``, ``none``."""
    if m.scale is None:
        return "—"
    low, high = m.mde_low, m.mde_high
    if m.scale == "sd_units":
        return "—" if high is None else f"±{high:.3g} SD"
    if m.scale == "cohen_d":
        return "—" if high is None else f"d ±{high:.3g}"
    ends = []
    if low is not None:
        ends.append(f"≤{low:.3g}")
    if high is not None:
        ends.append(f"≥{high:.3g}")
    if not ends:
        return "none"
    return ("HR " if m.scale == "hazard_ratio" else "p1 ") + " or ".join(ends)


def power_table(result) -> str:
    """``power``'s table: one line per outcome and method."""
    a, b = result.groups[0], result.groups[-1]
    sizes = "/".join(result.groups)
    rows = []
    given = any(r.p1 is not None for r in result.rows)
    sized = any(r.effect is not None for r in result.rows)
    notes = []
    for r in result.rows:
        row = {
            "outcome": r.outcome,
            "method": r.method or "—",
            f"n ({sizes})": "/".join(str(r.n.get(g, 0)) for g in result.groups),
            "detectable below": _number(r.mde_low),
            "detectable above": _number(r.mde_high),
            "scale": SCALE_NAMES.get(r.scale, "—") if r.scale else "—",
            "from": f"p2 = {r.p2:.3g}" if r.p2 is not None else f"{r.events} events" if r.events is not None else "",
        }
        if given:
            row["power at p1"] = "" if r.power_at_p1 is None else f"{r.power_at_p1:.3f} (p1 = {r.p1:g})"
        if sized:
            needed = "" if r.effect is None else f"{r.effect:g}: "
            if r.n_required:
                needed += "/".join(str(r.n_required[g]) for g in result.groups) + " patients"
            if r.events_required is not None:
                needed += (", " if r.n_required else "") + f"{r.events_required} events"
            row["needed for effect"] = needed if r.effect is not None else ""
        rows.append(row)
        if r.note:
            notes.append(f"{r.outcome} ({r.method or 'no method'}): {r.note}")
    against = f"{a} against {b}" if len(result.groups) == 2 else ", ".join(result.groups)
    title = f"Minimum detectable effects, {against}: {result.power:.0%} power, two-sided alpha {result.alpha:g}"
    caption = "\n".join(
        [
            "Below and above no effect, first group against second. Not observed (post hoc) power.",
            *notes,
        ]
    )
    return rows_table(rows, list(rows[0]) if rows else ["outcome"], title=printable(title), caption=caption)


def verify_table(result) -> str:
    """``verify``'s table: one line per published row and table consistent with it, the P of
    each test, ``*`` where it reproduces the printed P."""
    if result.kind == "percent":
        rows = [
            {
                "percent": r.percent,
                "n": r.n,
                "events": " ".join(map(str, r.events)) or "none",
                "consistent": "yes" if r.events else "no",
            }
            for r in result.rows
        ]
        caption = "Event counts whose percentage rounds to the one printed (either way at a half: GRIM)."
        return rows_table(rows, ["percent", "n", "events", "consistent"], caption=caption)
    rows = []
    for r in result.rows:
        row = {
            "outcome": r.outcome,
            "table": "—" if r.events_1 is None else f"{r.events_1}/{r.n_1} vs {r.events_2}/{r.n_2}",
            "printed P": r.p_printed or "",
        }
        for t in r.tests:
            mark = "*" if t.matches else ""
            row[t.test] = "" if t.p_value is None else f"{_p_text(t.p_value)}{mark}"
        row["reproduced by"] = ", ".join(r.reproduced_by) if r.p_printed else ""
        rows.append(row)
    columns = list(dict.fromkeys(k for row in rows for k in row))
    for row in rows:
        for c in columns:
            row.setdefault(c, "")
    caption = "* : the P value rounds to the printed one (0.58: 0.575 <= P < 0.585; 1: P >= 0.995)."
    return rows_table(rows, columns, caption=caption)


def _p_text(p: float) -> str:
    """A P value with enough digits to judge a printed one: four significant digits."""
    return format_p(p) if p < 0.001 else f"{p:.4g}"
