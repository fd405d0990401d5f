"""Table 1: the cohorts' baseline characteristics, per cohort and overall, with a test and a
standardized mean difference per covariate."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ivig_blina import __version__, stats
from ivig_blina.analyses.comparison import choose_groups
from ivig_blina.analyses.results import SCHEMA_VERSION, plain
from ivig_blina.cohort.load import Cohort
from ivig_blina.errors import IvigBlinaError, OptionError
from ivig_blina.stats import TestResult
from ivig_blina.stats.smd import categorical_smd, continuous_smd, mean_pairwise

OVERALL = "overall"
MANY_LEVELS = 50


@dataclass(frozen=True)
class ContinuousRow:
    """One group's summary of a continuous covariate: patients with a value, median and
    quartiles (R's type 7), mean and SD; None when n is 0 (SD when n < 2)."""

    n: int
    median: float | None
    q1: float | None
    q3: float | None
    mean: float | None
    sd: float | None


@dataclass(frozen=True)
class Level:
    """One level of a categorical covariate: per group, the patients at it and their percent
    of the group's patients with a value (0-100)."""

    level: str
    groups: dict[str, tuple[int, float | None]]


@dataclass(frozen=True)
class Variable:
    """One covariate's line of Table 1."""

    variable: str
    kind: str  # continuous or categorical
    test: str | None
    result: TestResult | None
    smd: float | None
    missing: dict[str, int]
    summaries: dict[str, ContinuousRow] = field(default_factory=dict)  # continuous
    levels: tuple[Level, ...] = ()  # categorical
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table1:
    """Table 1 of ``groups`` (then ``overall``): patients per group and one :class:`Variable`
    per covariate. ``to_dict()`` is the JSON document, ``rows()`` the rows of the other formats."""

    groups: tuple[str, ...]
    n: dict[str, int]
    variables: tuple[Variable, ...]
    cohort: Cohort | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def relabelled(self, labels: dict[str, str] | None) -> Table1:
        """Table 1 with each cohort shown by its label (``--labels``); ``meta.options`` keeps the
        cohorts' own names and records ``labels``."""
        if not labels:
            return self
        from dataclasses import replace

        if OVERALL in labels.values():
            raise OptionError("labels", f"'{OVERALL}' is the name of Table 1's column of all patients, not a label")

        def name(g: str) -> str:
            return labels.get(g, g)

        variables = tuple(
            replace(
                v,
                missing={name(g): n for g, n in v.missing.items()},
                summaries={name(g): x for g, x in v.summaries.items()},
                levels=tuple(
                    replace(level, groups={name(g): x for g, x in level.groups.items()}) for level in v.levels
                ),
            )
            for v in self.variables
        )
        meta = dict(self.meta)
        if "options" in meta:
            meta["options"] = {**meta["options"], "labels": dict(labels)}
        return replace(
            self,
            groups=tuple(name(g) for g in self.groups),
            n={name(g): n for g, n in self.n.items()},
            variables=variables,
            meta=meta,
        )

    def to_dict(self) -> dict[str, Any]:
        variables = []
        for v in self.variables:
            row: dict[str, Any] = {
                "variable": v.variable,
                "kind": v.kind,
                "test": v.test,
                "method": v.result.method if v.result else None,
                "p_value": plain(v.result.pvalue if v.result else None),
                "smd": plain(v.smd),
                "missing": v.missing,
            }
            if v.kind == "continuous":
                row["groups"] = {g: {k: plain(x) for k, x in vars(s).items()} for g, s in v.summaries.items()}
            else:
                row["levels"] = [
                    {
                        "level": level.level,
                        "groups": {g: {"n": n, "percent": plain(p)} for g, (n, p) in level.groups.items()},
                    }
                    for level in v.levels
                ]
            row["warnings"] = list(v.warnings)
            variables.append(row)
        counts = self.cohort.input_counts() if self.cohort is not None else {}
        return {
            "groups": [*self.groups, OVERALL],
            "n": self.n,
            "variables": variables,
            "input": counts,
            "meta": self.meta,
        }

    def columns(self) -> list[str]:
        """The columns of :meth:`rows`: the group keys by the group's position (``_1``, ...,
        then ``_overall``), so that they never depend on the cohort names."""
        keys = ["n", "missing", "median", "q1", "q3", "mean", "sd", "count", "percent"]
        sides = [str(i) for i in range(1, len(self.groups) + 1)] + [OVERALL]
        return (
            ["variable", "kind", "level", "test", "method", "p_value", "smd"]
            + [f"group_{s}" for s in sides]
            + [f"{k}_{s}" for k in keys for s in sides]
            + ["warnings"]
        )

    def rows(self) -> list[dict[str, Any]]:
        """One row per continuous covariate, one per level of a categorical one (its test and
        SMD on the first level's row); Python values, None where missing."""
        names = [*self.groups, OVERALL]
        sides = [str(i) for i in range(1, len(self.groups) + 1)] + [OVERALL]
        out = []
        for v in self.variables:
            shared = {
                "variable": v.variable,
                "kind": v.kind,
                "test": v.test,
                "method": v.result.method if v.result else None,
                "p_value": v.result.pvalue if v.result else None,
                "smd": v.smd,
                "warnings": "; ".join(v.warnings),
                **{f"group_{s}": g for s, g in zip(sides, names)},
                **{f"missing_{s}": v.missing[g] for s, g in zip(sides, names)},
            }
            if v.kind == "continuous":
                row = {**shared, "level": None}
                for s, g in zip(sides, names):
                    row.update({f"{k}_{s}": x for k, x in vars(v.summaries[g]).items()})
                out.append(row)
                continue
            for i, level in enumerate(v.levels):
                row = (
                    {**shared, "level": level.level}
                    if i == 0
                    else {
                        "variable": v.variable,
                        "kind": v.kind,
                        "level": level.level,
                        **{f"group_{s}": g for s, g in zip(sides, names)},
                    }
                )
                for s, g in zip(sides, names):
                    row[f"count_{s}"], row[f"percent_{s}"] = level.groups[g]
                out.append(row)
        columns = self.columns()
        return [{c: row.get(c) for c in columns} for row in out]


def table1(
    cohort: Cohort,
    groups: list[str] | tuple[str, ...] | None = None,
    *,
    covariates: list[str] | tuple[str, ...] | None = None,
    mean: bool = False,
    tests: dict[str, str] | None = None,
    permutations: int = 100_000,
    seed: int = 1,
    registry: stats.Registry | None = None,
) -> Table1:
    """Table 1 of ``cohort``'s covariates (see :func:`ivig_blina.load`'s ``covariates`` and
    ``all_covariates``; ``baseline_igg`` always), per group of ``groups`` and overall.

    Parameters
    ----------
    groups : list of str, optional
        Two or more cohorts, in that order; by default the file's two cohorts (a file with more
        needs them named).
    covariates : list of str, optional
        Which covariates, in that order (default: every one loaded, in file order, then
        ``baseline_igg``).
    mean : bool
        Also the mean and SD of continuous covariates (always computed; the table shows them).
    tests : dict, optional
        A statistic per kind: ``continuous`` (default ``mann-whitney`` for two groups,
        ``kruskal-wallis`` for more) and ``categorical`` (``fisher``, exact for r x c tables up
        to 2M tables, else Monte Carlo with ``permutations`` and ``seed``; or ``chi-square``).

    Examples
    --------
    >>> import ivig_blina
    >>> cohort = ivig_blina.load("examples/wo2022_cohort.csv", all_covariates=True)
    >>> table = ivig_blina.table1(cohort, groups=("ivig", "control"))
    >>> [v.variable for v in table.variables][-1]
    'baseline_igg'
    """
    data, kinds = cohort.covariate_table()
    chosen = _groups(cohort, groups)
    names = list(kinds) if covariates is None else [c.strip().lower() for c in covariates]
    for name in names:
        if name not in kinds:
            raise IvigBlinaError(
                f"covariate '{name}' is not a column read as a covariate (covariates: {', '.join(kinds)})",
                path=cohort.path,
            )
    registry = registry or stats.registry()
    defaults = {"continuous": "mann-whitney" if len(chosen) == 2 else "kruskal-wallis", "categorical": "fisher"}
    tests = {**defaults, **(tests or {})}
    statistics = {kind: registry.get(tests[kind], kind) for kind in ("continuous", "categorical")}
    for kind, statistic in statistics.items():
        if statistic.groups == 2 and len(chosen) > 2:
            raise OptionError(
                "tests",
                f"the {kind} statistic '{statistic.name}' compares two groups; with "
                f"{len(chosen)} choose one that takes k groups (e.g. kruskal-wallis)",
            )
    cohorts = cohort.table.cohort.to_numpy()
    members = {g: cohorts == g for g in chosen}
    members[OVERALL] = np.isin(cohorts, chosen)
    variables = []
    for name in names:
        column = data[name].to_numpy()
        if kinds[name] == "continuous":
            variables.append(_continuous(name, column.astype(float), chosen, members, statistics["continuous"]))
        else:
            variables.append(
                _categorical(
                    name,
                    column,
                    chosen,
                    members,
                    statistics["categorical"],
                    {"permutations": permutations, "seed": seed},
                )
            )
    meta = {
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "input": cohort.path,
        "input_sha256": cohort.sha256,
        "options": {
            "groups": list(chosen),
            **cohort.options,
            "covariates": names,
            "mean": mean,
            "tests": tests,
            "permutations": permutations,
            "seed": seed,
        },
    }
    return Table1(tuple(chosen), {g: int(members[g].sum()) for g in [*chosen, OVERALL]}, tuple(variables), cohort, meta)


def _groups(cohort: Cohort, groups) -> list[str]:
    present = sorted(set(pd.Series(cohort.table.cohort).unique()) - {""})
    if OVERALL in present:
        raise IvigBlinaError(
            f"a cohort is named '{OVERALL}', the name of Table 1's column of all patients; rename "
            f"it with --cohort-map {OVERALL}=NAME",
            path=cohort.path,
        )
    return list(choose_groups(present, groups, cohort.path, command="Table 1"))


def _summary(x: np.ndarray) -> ContinuousRow:
    if not len(x):
        return ContinuousRow(0, None, None, None, None, None)
    q1, median, q3 = np.quantile(x, [0.25, 0.5, 0.75])  # linear interpolation: R's type 7
    return ContinuousRow(
        len(x), float(median), float(q1), float(q3), float(x.mean()), float(x.std(ddof=1)) if len(x) > 1 else None
    )


def _run(statistic, samples, options) -> TestResult:
    wanted = {k: v for k, v in options.items() if k in statistic.options}
    return statistic.run(*samples, **wanted)


def _continuous(name, column, groups, members, statistic) -> Variable:
    known = ~np.isnan(column)
    values = {g: column[members[g] & known] for g in members}
    missing = {g: int((members[g] & ~known).sum()) for g in members}
    samples = [values[g] for g in groups]
    warnings: tuple[str, ...] = ()
    if sum(len(s) > 0 for s in samples) < 2:
        result, warnings = None, ("fewer than two groups with values; no test",)
    else:
        result = _run(statistic, samples, {})
        warnings = result.warnings
    smd = continuous_smd(*samples) if len(samples) == 2 else mean_pairwise(samples, continuous_smd)
    return Variable(
        name,
        "continuous",
        statistic.name,
        result,
        smd,
        missing,
        summaries={g: _summary(values[g]) for g in members},
        warnings=warnings,
    )


def _categorical(name, column, groups, members, statistic, options) -> Variable:
    known = ~pd.isna(column)
    levels = sorted({str(v) for v in column[known & members[OVERALL]]}, key=_natural)
    counts = {
        g: np.array([int(((column == level) & members[g]).sum()) for level in levels], dtype=np.int64) for g in members
    }
    missing = {g: int((members[g] & ~known).sum()) for g in members}
    warnings: tuple[str, ...] = ()
    if len(levels) > MANY_LEVELS:
        warnings += (f"{len(levels)} levels: is this a categorical covariate?",)
    if len(levels) < 2:
        result = None
        warnings += ("one level only: a constant covariate; no test",)
    else:
        result = _run(statistic, [counts[g] for g in groups], options)
        warnings += result.warnings
    rows = [counts[g] for g in groups]
    smd = categorical_smd(*rows) if len(rows) == 2 else mean_pairwise(rows, categorical_smd)
    table = tuple(
        Level(
            level,
            {
                g: (int(counts[g][i]), 100 * counts[g][i] / counts[g].sum() if counts[g].sum() else None)
                for g in members
            },
        )
        for i, level in enumerate(levels)
    )
    return Variable(name, "categorical", statistic.name, result, smd, missing, levels=table, warnings=warnings)


def _natural(level: str):
    """Levels in numeric order when they are numbers (ECOG 0-4), else as text."""
    try:
        return (0, float(level), "")
    except ValueError:
        return (1, 0.0, level)
