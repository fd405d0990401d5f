"""Infection episodes by pathogen: per cohort, the episodes of each pathogen and their rate per
100 patient-days.

The episodes are the ones ``infection_episodes`` counts (infection rows on or after day 0, up to
``--until``, not after the death, of ``--min-grade`` or above when it is given), each under the
pathogen of its row: the text as the file gives it, trimmed, and ``unspecified`` where it is
blank or the file has no pathogen column. The patient-days are the group's ``follow_up_days``,
as for ``infection_rate``, so a group's rates add up to its ``infection_rate``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from ivig_blina.errors import IvigBlinaError, listed

if TYPE_CHECKING:
    from ivig_blina.cohort.load import Cohort

UNSPECIFIED = "unspecified"  # the pathogen of an infection row that names none


def infection_breakdown(
    cohort: Cohort, groups: Sequence[str], patients: pd.DataFrame | None = None
) -> list[dict[str, Any]]:
    """Per pathogen and cohort: the infection episodes and their rate per 100 patient-days.

    Parameters
    ----------
    cohort : Cohort
        From :func:`ivig_blina.load` (a pathogen column is read when the file has one).
    groups : sequence of str
        The cohorts, in the order their entries are given.
    patients : DataFrame, optional
        The rows of ``cohort.table`` to count (e.g. those a comparison kept); default every
        patient of ``groups``.

    Returns
    -------
    list of dict
        ``[{"pathogen": str, "groups": {group: {"episodes": int, "rate_per_100_patient_days":
        float or None}}}]``: one entry per pathogen with an episode in one of the groups,
        sorted by name, ``unspecified`` last; the rate is None for a group without
        patient-days. Text from the file is given as it is: show it on a terminal through
        :func:`ivig_blina.errors.printable`.

    Examples
    --------
    >>> import ivig_blina
    >>> from ivig_blina.cohort.pathogens import infection_breakdown
    >>> cohort = ivig_blina.load("examples/graded_infections.csv")
    >>> [entry["pathogen"] for entry in infection_breakdown(cohort, ["ivig", "control"])]
    ['bacterial', 'fungal', 'viral', 'unspecified']
    """
    table = cohort.table if patients is None else patients
    groups = list(groups)
    present = set(cohort.table.cohort)
    for group in groups:
        if group not in present:
            raise IvigBlinaError(
                f"group '{group}' is not a cohort of the file (cohorts: {listed(sorted(present))})", path=cohort.path
            )
    table = table[table.cohort.isin(groups)]
    days = table.groupby("cohort", observed=True).follow_up_days.sum().reindex(groups, fill_value=0.0)
    found = cohort.patients.pathogen_episodes
    if found is None:  # no pathogen column: every episode is unspecified
        found = pd.DataFrame({"patient_id": table.patient_id, "pathogen": "", "episodes": table.infection_episodes})
    episodes = found.merge(table[["patient_id", "cohort"]], on="patient_id")
    episodes = episodes[episodes.episodes > 0]
    names = episodes.pathogen.astype(str).where(episodes.pathogen != "", UNSPECIFIED)
    counts = episodes.groupby([names.to_numpy(), episodes.cohort.to_numpy()]).episodes.sum()
    pathogens = sorted(set(names) - {UNSPECIFIED}) + ([UNSPECIFIED] if UNSPECIFIED in set(names) else [])
    breakdown = []
    for pathogen in pathogens:
        by_group = {}
        for group in groups:
            n = int(counts.get((pathogen, group), 0))
            patient_days = float(days[group])
            rate = 100 * n / patient_days if patient_days > 0 else None
            by_group[group] = {"episodes": n, "rate_per_100_patient_days": rate}
        breakdown.append({"pathogen": pathogen, "groups": by_group})
    return breakdown


def breakdown_frame(breakdown: list[dict[str, Any]], groups: Sequence[str]) -> pd.DataFrame:
    """:func:`infection_breakdown` as a table: ``pathogen``, then per group ``episodes_<group>``
    and ``rate_<group>`` (per 100 patient-days)."""
    rows = [
        {
            "pathogen": entry["pathogen"],
            **{
                f"{key}_{group}": entry["groups"][group][field]
                for group in groups
                for key, field in (("episodes", "episodes"), ("rate", "rate_per_100_patient_days"))
            },
        }
        for entry in breakdown
    ]
    columns = ["pathogen"] + [f"{key}_{group}" for group in groups for key in ("episodes", "rate")]
    return pd.DataFrame(rows, columns=columns)
