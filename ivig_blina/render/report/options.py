"""The options of a run that differ from their defaults, for the report's record.

The defaults are read from the signatures of :func:`~ivig_blina.cohort.load.load`,
:func:`~ivig_blina.analyses.comparison.compare` and :func:`~ivig_blina.analyses.table1.table1`
(one source of truth), and compared with what the run recorded in ``meta["options"]``; the
recorded form of a few options is resolved (the HGG threshold in mg/dL, the tests per kind),
and those are compared with the default's resolved form.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ivig_blina.analyses.comparison import DEFAULT_TESTS, OMNIBUS_TESTS
from ivig_blina.io.units import parse_amount

if TYPE_CHECKING:
    from ivig_blina.analyses.results import Comparison
    from ivig_blina.analyses.table1 import Table1

# recorded for the record, not chosen: the groups are listed on their own, the input's unit is a fact of the file
NOT_OPTIONS = {"groups", "units", "input"}


def _defaults() -> dict[str, Any]:
    from ivig_blina.analyses.comparison import compare
    from ivig_blina.cohort.load import load

    out: dict[str, Any] = {}
    for function in (load, compare):
        for name, p in inspect.signature(function).parameters.items():
            if p.default is not inspect.Parameter.empty:
                out[name] = p.default
    out["hgg_threshold"] = parse_amount("hgg_threshold", out["hgg_threshold"]).in_mg_dl("mg/dL")  # recorded so
    out["competing_risk"] = False
    out["plugins"] = []
    return out


def _same(recorded: Any, default: Any) -> bool:
    empty: tuple[Any, ...] = (None, {}, [], ())
    if recorded in empty and default in empty:
        return True
    if isinstance(recorded, list | tuple) and isinstance(default, list | tuple):
        return list(recorded) == list(default)
    return recorded == default


def _shown(x: Any) -> str:
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, Mapping):
        return ", ".join(f"{k}={v}" for k, v in x.items())
    if isinstance(x, list | tuple):
        return ",".join(f"{v:g}" if isinstance(v, float) else str(v) for v in x)
    if isinstance(x, float):
        return f"{x:g}"
    return str(x)


def changed_options(cmp: Comparison, table1: Table1 | None, extra: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(name, value)`` of every option of the run that differs from its default, named as on
    the command line without dashes (``hgg-threshold``), in the order recorded; ``extra`` adds
    the report's own (title, figures) as given."""
    defaults = _defaults()
    recorded = dict(cmp.meta.get("options", {}))
    k = len(cmp.groups)
    survival = {"time-to-event": "gray"} if recorded.get("competing_risk") else {}
    defaults["tests"] = {**(DEFAULT_TESTS if k == 2 else OMNIBUS_TESTS), **survival}
    defaults["pairwise_tests"] = {**DEFAULT_TESTS, **survival}
    out = []
    for name, x in recorded.items():
        if name in NOT_OPTIONS:
            continue
        if name == "hgg_threshold":
            if not _same(x, defaults[name]):
                out.append(("hgg-threshold", f"{x:g} mg/dL"))
            continue
        if name in ("tests", "pairwise_tests") and isinstance(x, Mapping):
            differing = {kind: n for kind, n in x.items() if defaults[name].get(kind) != n}
            if differing:
                out.append((name.replace("_", "-"), _shown(differing)))
            continue
        if name in defaults and _same(x, defaults[name]):
            continue
        if name not in defaults and x in (None, False, [], {}):
            continue
        out.append((name.replace("_", "-"), _shown(x)))
    if table1 is not None:
        options = table1.meta.get("options", {})
        if options.get("mean"):
            out.append(("mean", "true"))
        table1_defaults = {"continuous": "mann-whitney" if k == 2 else "kruskal-wallis", "categorical": "fisher"}
        differing = {kind: n for kind, n in options.get("tests", {}).items() if table1_defaults.get(kind) != n}
        if differing:
            out.append(("table1 tests", _shown(differing)))
    seen = {name for name, _ in out}
    out += [(name, _shown(x)) for name, x in extra.items() if name not in seen and x not in (None, False, [], {})]
    return out
