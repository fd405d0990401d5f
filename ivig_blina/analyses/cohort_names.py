"""Cohort names: which cohorts an analysis or figure takes (``--groups``), and the names a
reader sees (``--labels "ivig=IVIG prophylaxis,control=No IVIG"``).

The cohort's own name (as in the file, after ``--cohort-map``) stays the key everywhere;
a label only changes what is written in figures, tables and the report, so that renaming a
cohort never changes which patients it holds or the colour it is drawn in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ivig_blina.errors import IvigBlinaError, OptionError, listed

_PAIRS = re.compile(r"(?<!\\),")  # a comma not escaped as \, separates two pairs


def parse_labels(value: str | Mapping[str, str] | Iterable[str] | None) -> dict[str, str]:
    """Display labels by cohort name, from ``"a=A,b=B"`` (a comma inside a label written
    ``\\,``), a list of such strings, or a mapping.

    Raises
    ------
    OptionError
        A pair without ``=``, an empty name or label, or a cohort given twice.

    Examples
    --------
    >>> parse_labels("ivig=IVIG prophylaxis,control=No IVIG")
    {'ivig': 'IVIG prophylaxis', 'control': 'No IVIG'}
    >>> parse_labels(r"ivig=IVIG\\, pre-emptive")
    {'ivig': 'IVIG, pre-emptive'}
    """
    if value is None:
        return {}
    if isinstance(value, Mapping):
        pairs = [(str(k), str(v)) for k, v in value.items()]
        given = ", ".join(f"{k}={v}" for k, v in pairs)
    else:
        texts = [value] if isinstance(value, str) else list(value)
        given = ",".join(texts)
        pairs = []
        for text in texts:
            for piece in _PAIRS.split(text):
                name, equals, label = piece.partition("=")
                if not equals:
                    raise OptionError("labels", _expected(given))
                pairs.append((name.strip(), label.strip().replace("\\,", ",")))
    labels: dict[str, str] = {}
    for name, label in pairs:
        if not name or not label:
            raise OptionError("labels", _expected(given))
        if name in labels:
            raise OptionError("labels", f"cohort '{name}' is given two labels in '{given}'")
        labels[name] = label
    return labels


def _expected(given: str) -> str:
    return (
        f"expected COHORT=LABEL pairs separated by commas (e.g. ivig=IVIG prophylaxis,control=No IVIG), got '{given}'"
    )


def check_labels(labels: Mapping[str, str], cohorts: Iterable[str], path: str | None = None) -> None:
    """Every labelled cohort is a cohort of the file (a misspelt name would leave its cohort
    unlabelled without a word), and no two cohorts read the same once labelled."""
    present = sorted(set(cohorts))
    for name in labels:
        if name not in present:
            raise IvigBlinaError(
                f"cohort '{name}' given by --labels is not a cohort of the file (cohorts: {listed(present)})", path=path
            )
    shown: dict[str, str] = {}
    for name in present:
        text = labels.get(name, name)
        if text in shown:
            raise IvigBlinaError(
                f"--labels makes cohorts '{shown[text]}' and '{name}' both read '{text}'; give each its own label",
                path=path,
            )
        shown[text] = name


def label_of(cohort: str, labels: Mapping[str, str] | None) -> str:
    """The name a reader sees for ``cohort``: its label, else the cohort's own name."""
    return (labels or {}).get(cohort, cohort)


def choose_cohorts(
    present: Iterable[str], groups: Sequence[str] | None, path: str | None = None, *, what: str = "this figure"
) -> list[str]:
    """The cohorts to take, in order: ``groups`` (two or more names, each a cohort of the file,
    or ``["all"]`` for every cohort sorted), else the file's two cohorts sorted; a file of more
    cohorts needs them named (both forms shown)."""
    cohorts = sorted(set(present) - {""})
    if groups is None:
        if len(cohorts) != 2:
            raise IvigBlinaError(
                f"{what} needs the cohorts named when there are {len(cohorts):,} ({listed(cohorts)}); "
                "choose with --groups A,B,C or --groups all",
                path=path,
            )
        return cohorts
    chosen = cohorts if list(groups) == ["all"] and "all" not in cohorts else list(groups)
    if len(chosen) < 2 or len(set(chosen)) != len(chosen):
        raise OptionError("groups", f"expected two or more different cohorts, got {list(groups)}")
    for g in chosen:
        if g not in cohorts:
            raise IvigBlinaError(
                f"group '{g}' given by --groups is not a cohort of the file (cohorts: {listed(cohorts)})", path=path
            )
    return chosen
