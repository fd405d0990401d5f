"""One call from a file to a cohort: read, validate, derive the per-patient table, check
``strict``, on either engine. What the CLI does before any analysis, for a Python user too."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from ivig_blina.cohort.accounting import input_counts, input_summary
from ivig_blina.cohort.options import (
    ENGINES,
    check_count,
    check_date,
    check_days,
    check_grade,
    check_one_of,
    check_seconds,
    parse_map,
    parse_size,
)
from ivig_blina.cohort.patients import FOLLOW_UP_COLUMNS, IGG_COLUMNS, PatientTable, check_strict, per_patient
from ivig_blina.errors import IvigBlinaError
from ivig_blina.io.reader import Observations
from ivig_blina.io.units import TO_MG_DL, UNITS, parse_amount, threshold_in_mg_dl, unit_in_header


@dataclass(frozen=True)
class Cohort:
    """A validated cohort file and its per-patient table.

    ``observations`` holds the rows (empty unless ``rows_kept``: loaded with ``keep_rows`` from
    one file) and what was done with every row; ``patients`` the per-patient table; ``options``
    the options it was loaded with, as recorded in JSON ``meta``.
    """

    observations: Observations
    patients: PatientTable
    options: dict[str, Any] = field(default_factory=dict)
    rows_kept: bool = False

    def covariate_table(self) -> tuple[pd.DataFrame, dict[str, str]]:
        """The patient covariates, one row per patient in :attr:`table`'s order, and each one's
        kind: ``continuous`` (numbers, NaN where missing) or ``categorical`` (text, None where
        missing). The per-patient baseline IgG is always offered, as ``baseline_igg``."""
        import numpy as np

        table = self.table
        out = pd.DataFrame(index=table.index)
        kinds: dict[str, str] = {}
        given = self.observations.covariates
        categorical = {c.strip().lower() for c in self.options.get("categorical", [])}
        names = [] if given is None else list(given.columns.drop("pid"))
        unknown = sorted(categorical - set(names))
        if unknown:  # a misspelt name would leave a numeric code continuous without a word
            raise IvigBlinaError(
                f"--categorical names {', '.join(unknown)}, not a covariate read (covariates: "
                f"{', '.join(names[:20]) or 'none'})",
                path=self.path,
            )
        if given is not None:
            by_patient = given.set_index(self.observations.patients.set_index("pid").patient_id.reindex(given.pid))
            for column in names:
                text = by_patient[column].reindex(table.patient_id).to_numpy(dtype=object)
                blank = pd.isna(text) | (text == "")
                values = pd.Series(np.where(blank, None, text))
                if self.options.get("decimal") == ",":
                    values = values.str.replace(",", ".")
                numbers = pd.to_numeric(values, errors="coerce")
                numeric = bool((numbers.notna() | blank).all()) and column not in categorical and not blank.all()
                out[column] = numbers.to_numpy(float) if numeric else np.where(blank, None, text)
                kinds[column] = "continuous" if numeric else "categorical"
        out["baseline_igg"] = table.baseline_igg.to_numpy(float)
        kinds["baseline_igg"] = "continuous"
        return out, kinds

    @property
    def path(self) -> str:
        return self.observations.path

    @property
    def sha256(self) -> str:
        return self.observations.sha256

    @property
    def igg_units(self) -> str:
        """The unit of the per-patient table's IgG values (``report_units``)."""
        return self.options.get("report_units", "mg/dL")

    @property
    def hgg_threshold(self) -> float:
        """The HGG threshold in :attr:`igg_units`."""
        return self.patients.hgg_threshold / TO_MG_DL[self.igg_units]

    @property
    def table(self) -> pd.DataFrame:
        """One row per patient, sorted by cohort then patient ID (see :func:`per_patient`)."""
        return self.patients.table

    def nadir_table(self, windows: tuple[float, ...] | None = None) -> pd.DataFrame:
        """The per-patient columns ``ivigblina nadir`` writes, in its order; with ``windows``
        (cut days; the cohort loaded with ``keep_rows=True``) each window's
        ``episodes_<window>`` and ``days_<window>`` after them."""
        table = self.patients.table[IGG_COLUMNS + self.patients.event_outcomes + FOLLOW_UP_COLUMNS]
        if windows is None:
            return table
        from ivig_blina.cohort.burden import by_window

        return table.join(by_window(self, windows))

    def input_counts(self, excluded: int = 0) -> dict[str, Any]:
        """What was done with every row, as JSON ``input`` (``excluded``: patients of cohorts
        left out of an analysis)."""
        return input_counts(self.observations, self.patients, excluded)

    def input_summary(self, excluded: int = 0) -> str:
        """The same account in one line, as the CLI prints it on stderr."""
        return input_summary(self.observations, self.patients, excluded)


def load(
    source: str,
    *,
    patient_col: str = "patient_id",
    cohort_col: str = "cohort",
    day_col: str = "day",
    date_col: str = "date",
    start_date_col: str = "start_date",
    event_col: str = "event",
    date_format: str | None = None,
    igg_col: str | None = None,
    units: str | None = None,
    until: float | None = None,
    hgg_threshold: float | str = "400mg/dL",
    exclude_after_ivig: float | None = None,
    baseline_window: float | None = None,
    encoding: str = "utf-8",
    delimiter: str | None = None,
    decimal: str = ".",
    max_field_size: int = 10_000,
    max_columns: int = 10_000,
    sheet: str | None = None,
    max_memory: int | str | None = None,
    max_outcomes: int = 100,
    today: dt.date | str | None = None,
    strict: bool = False,
    engine: str = "pandas",
    scheduler: str | None = None,
    scheduler_timeout: float = 10.0,
    report_units: str = "mg/dL",
    event_map=None,
    cohort_map=None,
    competing_risk: bool = False,
    covariates: list[str] | tuple[str, ...] | None = None,
    all_covariates: bool = False,
    categorical: list[str] | tuple[str, ...] = (),
    patients_file: str | None = None,
    grade_col: str | None = None,
    pathogen_col: str | None = None,
    min_grade: int | None = None,
    require_cohort: bool = False,
    keep_rows: bool = False,
) -> Cohort:
    """Read ``source``, validate every row and derive the per-patient table.

    Parameters
    ----------
    source : str
        A ``.csv``, ``.tsv``, ``.csv.gz`` or ``.parquet`` file, ``-`` for standard input, or
        with ``engine="dask"`` a directory or glob of partitions.
    patient_col, cohort_col, day_col, date_col, start_date_col, event_col, igg_col, units
        Column names (matched without regard to case or surrounding spaces); days come from
        ``day_col``, else from ``date_col`` minus ``start_date_col`` (ISO 8601 dates, or
        ``date_format`` as strftime, e.g. ``"%d/%m/%Y"``); ``igg_col=None``
        finds ``igg_mg_dl`` or ``igg_g_l``. A unit named in the IgG header (``IgG (g/L)``) is the
        column's unit, and ``units`` (mg/dL or g/L) may not contradict it; with neither, mg/dL
        is assumed and a file whose median IgG is implausible in it is refused.
    until, hgg_threshold, exclude_after_ivig, baseline_window
        The definitions of the follow-up window, HGG and the baseline (README, "Definitions").
        ``hgg_threshold`` is ``"400mg/dL"``, ``"4g/L"`` or a bare number in the input's unit.
    encoding, delimiter, decimal, max_field_size, max_columns, sheet, max_memory, max_outcomes, today
        How the file is read (the longest field, the widest header, the sheet of an Excel
        workbook (default the first), the memory reading may take, in bytes or as ``"4G"``, by
        default half the memory available, and the most distinct outcome labels accepted);
        ``today`` (a date or ``YYYY-MM-DD``) bounds the dates.
    strict : bool
        Refuse any skipped row or input warning.
    engine, scheduler, scheduler_timeout
        ``"pandas"`` (one file) or ``"dask"`` (partitions on a Dask cluster at ``scheduler``,
        which must answer within ``scheduler_timeout`` seconds, or a local one).
    report_units : {"mg/dL", "g/L"}
        The unit of every IgG value of the per-patient table and of what is computed from it.
    event_map, cohort_map : dict or list of "FROM=TO", optional
        Rename event labels (``{"ICU": "infection_icu"}``) or cohort labels before anything
        else, FROM matched without regard to case or surrounding spaces. Mapping an event label
        to itself declares it an outcome of its own; other labels that are not known are
        compared as outcomes of their own and named in a note.
    covariates, all_covariates, categorical
        Patient covariates: columns of the file outside the analysis roles that hold one value
        per patient (blank on some of a patient's rows is fine), named in ``covariates``, or
        every such column with ``all_covariates`` (columns that vary within a patient are then
        left out and named in a note; a named one that varies is an error). Numeric columns
        are continuous unless named in ``categorical``. ``patients_file``: a second file (any
        supported format) with one row per patient, keyed by the patient column, whose other
        columns are covariates too; patients in one file only are counted and named in a note.
        See :meth:`Cohort.covariate_table`.
    competing_risk : bool
        A death without infection is a competing event (``infection_status`` 2), as a
        competing-risk comparison needs; else it censors the patient (0).
    grade_col, pathogen_col : str, optional
        The columns of an infection's CTCAE grade (a whole number from 1 to 5) and pathogen
        (free text), given on infection rows only; by default ``grade`` and ``pathogen`` when
        the file has them (a name given must be a column).
    min_grade : int, optional
        Only infections of this grade or above count, in every infection outcome (flags,
        time to first infection, episodes and rates, burden windows, the pathogen breakdown);
        infection rows of a lower grade or without one are left out and counted
        (``infections_below_min_grade``, ``infections_without_grade``), and their day still
        counts for follow-up. An ``infection_death`` so left out is still a death.
    require_cohort : bool
        Every patient needs a cohort (what a comparison needs).
    keep_rows : bool
        Keep the validated rows in ``observations.table`` (the IgG figure needs them); else
        they are freed once the per-patient table exists.

    Raises
    ------
    IvigBlinaError
        Bad input: its text names the file, line and column.
    OptionError
        A ``ValueError`` naming a parameter whose value is not allowed.

    Examples
    --------
    >>> import ivig_blina
    >>> cohort = ivig_blina.load("examples/wo2022_cohort.csv")
    >>> cohort.table.groupby("cohort").size().to_dict()
    {'control': 6, 'ivig': 17}
    """
    from ivig_blina.io.csvfile import Dialect
    from ivig_blina.io.reader import Columns, read_cohort

    if units is not None:
        check_one_of("units", units, UNITS)
    check_one_of("report_units", report_units, UNITS)
    check_one_of("engine", engine, ENGINES)
    threshold = parse_amount("hgg_threshold", hgg_threshold)
    if threshold.unit:  # a slip is a usage error before any reading
        threshold_in_mg_dl("hgg_threshold", threshold, threshold.unit)
    for name, days in (
        ("until", until),
        ("exclude_after_ivig", exclude_after_ivig),
        ("baseline_window", baseline_window),
    ):
        check_days(name, days)
    today = check_date(today)
    check_seconds("scheduler_timeout", scheduler_timeout)
    event_pairs, cohort_pairs = parse_map("event_map", event_map), parse_map("cohort_map", cohort_map)
    max_memory = parse_size("max_memory", max_memory)
    check_count("max_outcomes", max_outcomes)
    check_grade("min_grade", min_grade)
    dialect = Dialect(
        encoding=encoding,
        delimiter=delimiter,
        decimal=decimal,
        max_field=max_field_size,
        max_columns=max_columns,
        sheet=sheet,
        max_memory=max_memory,
        max_outcomes=max_outcomes,
    )
    extra, asked = None, list(covariates or ())
    if patients_file is not None:
        from ivig_blina.cohort.patient_file import read_patient_file

        extra = read_patient_file(patients_file, patient_col, replace(dialect, sheet=None, delimiter=None))
        named = [c.strip().lower() for c in covariates or ()]
        covariates = [c for c in named if c not in extra.columns]  # the rest come from the patients file
        wanted = None if not named else [c for c in named if c in extra.columns]
    columns = Columns(
        patient=patient_col,
        cohort=cohort_col,
        day=day_col,
        igg=igg_col,
        units=units,
        event=event_col,
        date=date_col,
        start_date=start_date_col,
        date_format=date_format,
        event_map=event_pairs,
        cohort_map=cohort_pairs,
        covariates=tuple(covariates or ()),
        all_covariates=all_covariates,
        grade=grade_col,
        pathogen=pathogen_col,
    )

    def record(input_units: str, threshold_mg_dl: float, infection_columns: bool = False) -> dict[str, Any]:
        """The options as JSON ``meta`` records them, resolved: the input's unit and the
        threshold in mg/dL; the infection grade and pathogen options when the file has either
        column or they are given (else, as before they existed, not at all)."""
        return dict(
            patient_col=patient_col,
            cohort_col=cohort_col,
            day_col=day_col,
            igg_col=igg_col,
            units=input_units,
            until=until,
            hgg_threshold=threshold_mg_dl,
            exclude_after_ivig=exclude_after_ivig,
            baseline_window=baseline_window,
            encoding=encoding,
            delimiter=delimiter,
            decimal=decimal,
            max_field_size=max_field_size,
            max_columns=max_columns,
            max_memory=max_memory,
            max_outcomes=max_outcomes,
            today=str(today) if today else None,
            strict=strict,
            engine=engine,
            scheduler=scheduler,
            scheduler_timeout=scheduler_timeout,
            report_units=report_units,
            date_col=date_col,
            start_date_col=start_date_col,
            event_col=event_col,
            date_format=date_format,
            event_map=dict(event_pairs),
            cohort_map=dict(cohort_pairs),
            sheet=sheet,
            **(
                {"covariates": asked, "categorical": list(categorical), "patients_file": patients_file}
                if asked or all_covariates or categorical or patients_file
                else {}
            ),
            **(
                {"grade_col": grade_col, "pathogen_col": pathogen_col, "min_grade": min_grade}
                if infection_columns or grade_col or pathogen_col or min_grade is not None
                else {}
            ),
        )

    if engine == "dask":
        if strict:
            raise IvigBlinaError("--strict works with --engine pandas only")
        for name, given in (("--min-grade", min_grade), ("--grade-col", grade_col), ("--pathogen-col", pathogen_col)):
            if given is not None:
                raise IvigBlinaError(f"{name} works with --engine pandas only (the infections' grades and pathogens)")
        try:
            from ivig_blina.cohort.distributed import read_partitioned
        except ImportError:
            raise IvigBlinaError("--engine dask needs dask: pip install 'ivig-blina[dask]'") from None
        # a bare threshold takes the unit stated by --units or the --igg-col header (else mg/dL):
        # the partitions' own headers are read on the workers
        stated = units or (unit_in_header(igg_col) if igg_col else None) or "mg/dL"
        threshold_mg_dl = threshold_in_mg_dl("hgg_threshold", threshold, stated)
        obs, patients = read_partitioned(
            source,
            columns,
            dialect,
            require_cohort=require_cohort,
            today=today,
            scheduler=scheduler,
            scheduler_timeout=scheduler_timeout,
            until=until,
            hgg_threshold=threshold_mg_dl,
            exclude_after_ivig=exclude_after_ivig,
            baseline_window=baseline_window,
            competing_risk=competing_risk,
        )
        return _in_units(Cohort(obs, patients, record(obs.igg_units, threshold_mg_dl)), report_units)
    obs = read_cohort(source, columns, dialect, require_cohort=require_cohort, today=today)
    if extra is not None:
        from ivig_blina.cohort.patient_file import join

        joined, notes = join(obs.covariates, obs.patients.set_index("pid").patient_id, extra, wanted)
        obs = replace(obs, covariates=joined, notes=obs.notes + tuple(notes))
    threshold_mg_dl = threshold_in_mg_dl("hgg_threshold", threshold, obs.igg_units)
    patients = per_patient(
        obs,
        until=until,
        hgg_threshold=threshold_mg_dl,
        exclude_after_ivig=exclude_after_ivig,
        baseline_window=baseline_window,
        competing_risk=competing_risk,
        min_grade=min_grade,
    )
    if strict:
        check_strict(obs, patients)
    if not keep_rows:
        from ivig_blina.io import memory

        obs = replace(obs, table=obs.table.iloc[:0].copy())
        memory.release()
    infection_columns = "grade" in obs.table or "pathogen" in obs.table
    options = record(obs.igg_units, threshold_mg_dl, infection_columns)
    return _in_units(Cohort(obs, patients, options, rows_kept=keep_rows), report_units)


IGG_VALUED = ("baseline_igg", "nadir_igg", "area_below_threshold")  # per-patient columns in an IgG unit


def _in_units(cohort: Cohort, unit: str) -> Cohort:
    """``cohort`` with every IgG value of its per-patient table in ``unit`` (the reader gives
    mg/dL); the rows' ``igg`` stays in mg/dL, and :attr:`Cohort.igg_units` says which unit the
    table holds."""
    if unit == "mg/dL":
        return cohort
    table = cohort.table.copy()
    for column in IGG_VALUED:
        table[column] = table[column] / TO_MG_DL[unit]
    return replace(cohort, patients=replace(cohort.patients, table=table))
