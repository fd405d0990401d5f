"""``--engine dask``: the per-patient table of a cohort held in many partitions, on a Dask cluster.

Every partition (a CSV, TSV, gzipped CSV or Parquet file of a directory or glob) is read and
validated where it lies, with the same checks and file/line messages as one file; the rows
are then shuffled so that each patient's rows meet in one partition (a patient may be split
across files), and the per-patient endpoints are derived there. Only the per-patient table,
which is small, comes back; the statistics run locally on it.
"""

from __future__ import annotations

import glob
import hashlib
import logging
import os
from contextlib import ExitStack

import numpy as np
import pandas as pd

from ivig_blina.cohort.patients import INFECTIONS, PatientTable, _event_outcomes, per_patient
from ivig_blina.errors import IvigBlinaError, listed
from ivig_blina.io.reader import (
    Observations,
    check_outcome_count,
    cohort_clash_message,
    first_cohort_clash,
    no_cohort_message,
    read_cohort,
    same_day_conflicts,
)

SUFFIXES = (".csv", ".tsv", ".csv.gz", ".tsv.gz", ".parquet")
ROWS = {
    "patient_id": object,
    "cohort": object,
    "day": float,
    "igg": float,
    "censored": object,
    "event": object,
    "line": np.int64,
    "path": object,
    "has_data": bool,
    "key": np.uint64,
}
RECOUNTED = ("used_rows", "patient_only_rows", "censored_values", "same_day_conflicts")  # again, each patient whole


def partitions(source: str) -> list[str]:
    """The partition files of a directory or a glob, in sorted order. Every file a directory
    holds must be a partition (names starting with ``.`` or ``_``, such as ``_SUCCESS`` or
    ``_metadata``, are left out, as Arrow and Spark do), and so must every file a glob matches:
    another file (``notes.txt``, ``part-3.csv.bz2``) or a subdirectory is refused by name, never
    skipped in silence."""
    if os.path.isdir(source):
        found = [os.path.join(source, f) for f in os.listdir(source) if not f.startswith((".", "_"))]
    else:
        found = glob.glob(source)
    others = sorted(
        os.path.basename(f) + ("/" if os.path.isdir(f) else "")
        for f in found
        if os.path.isdir(f) or not f.lower().endswith(SUFFIXES)
    )
    if others:
        raise IvigBlinaError(
            f"{'matches' if not os.path.isdir(source) else 'holds'} {listed(others)}, not CSV, TSV, "
            "gzipped CSV or Parquet partitions (.csv, .tsv, .csv.gz, .tsv.gz, .parquet); move them "
            "out, or give a glob that matches only the partitions",
            path=source,
        )
    if not found:
        raise IvigBlinaError("no CSV, TSV or Parquet partitions found (give a directory or a glob)", path=source)
    return sorted(os.path.abspath(f) for f in found)


def read_partitioned(
    source: str,
    columns,
    dialect,
    *,
    require_cohort: bool,
    today,
    scheduler: str | None = None,
    scheduler_timeout: float = 10.0,
    **definitions,
) -> tuple[Observations, PatientTable]:
    """Observations (counts only) and the per-patient table of every partition of ``source``;
    ``definitions`` are :func:`ivig_blina.cohort.patients.per_patient`'s options."""
    import dask
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)  # the cluster's chatter is not the user's business
    files = partitions(source)
    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(connect(scheduler, scheduler_timeout))
        else:  # silence_logs: a bad row is our one-line message, not the workers' tracebacks
            cluster = stack.enter_context(
                LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None, silence_logs=logging.CRITICAL)
            )
            client = stack.enter_context(Client(cluster))
        parts = [dask.delayed(_read_part, pure=True)(path, columns, dialect, today) for path in files]
        rows = dd.from_delayed(
            [part[0] for part in parts], meta=pd.DataFrame({k: pd.Series(dtype=v) for k, v in ROWS.items()})
        )
        pieces = rows.shuffle(on="patient_id").to_delayed()
        cohort_column = columns.cohort.strip().lower()
        derived = [
            dask.delayed(_patients_part)(piece, source, require_cohort, cohort_column, definitions) for piece in pieces
        ]
        results, read_counts = computed(client, [derived, [part[1] for part in parts]], source)
    tables = [table for table, _, _, _, _ in results if len(table)]
    labels = sorted(set().union(*(found for _, _, found, _, _ in results)))
    check_outcome_count(labels, dialect.max_outcomes, source, columns.event.strip().lower())  # of every partition
    has_events = any(c["has_events"] for c in read_counts)
    outcomes = _event_outcomes(labels) if has_events else []
    table = pd.concat(tables, ignore_index=True) if tables else results[0][0]
    if not has_events:
        table = table.drop(columns=[c for c in INFECTIONS if c in table])
    for outcome in outcomes:
        table[outcome] = table[outcome].fillna(False).astype(bool) if outcome in table else False
    ordered = [c for c in table.columns if c not in outcomes] + outcomes
    table = table[ordered].sort_values(["cohort", "patient_id"], kind="stable").reset_index(drop=True)
    counts = {k: sum(c[k] for _, c, _, _, _ in results) for k in results[0][1]}
    flagged = {key: set().union(*(ids.get(key, ()) for _, _, _, ids, _ in results)) for key in results[0][3]}
    patient_ids = {key: table.patient_id[table.patient_id.isin(found)].tolist() for key, found in flagged.items()}
    counts.update(
        patients=len(table),
        patients_without_nadir=int(table.nadir_igg.isna().sum()),
        patients_without_exposure=int(table.days_below_threshold.isna().sum()),
    )
    digest = hashlib.sha256("".join(c["sha256"] for c in read_counts).encode()).hexdigest()
    read = {k: sum(c["counts"][k] for c in read_counts) for k in read_counts[0]["counts"]}
    # each partition counted its own rows; with every patient's rows together, the rows repeated
    # across partitions are duplicates too, and what depends on a patient's rows is counted again
    read["duplicate_rows"] += sum(rows["duplicate_rows"] for *_, rows in results)
    read.update({k: sum(rows[k] for *_, rows in results) for k in RECOUNTED})
    units = ", ".join(sorted({c["igg_units"] for c in read_counts}))  # each partition was read in its own unit
    notes = tuple(note for c in read_counts for note in c["notes"])
    unknown: dict[str, int] = {}
    for c in read_counts:
        for label, rows in c["unknown_labels"].items():
            unknown[label] = unknown.get(label, 0) + rows
    obs = Observations(
        source,
        digest,
        pd.DataFrame(),
        table[["patient_id", "cohort"]],
        has_events,
        read,
        igg_units=units,
        notes=notes,
        unknown_labels=dict(sorted(unknown.items())),
    )
    return obs, PatientTable(
        table,
        outcomes,
        definitions.get("hgg_threshold", 400.0),
        counts,
        competing_risk=definitions.get("competing_risk", False),
        patient_ids=patient_ids,
    )


def computed(client, tasks, source: str):
    """``client.compute(tasks)``, waited for. A worker that dies while it runs a task (killed for
    its memory, or lost), again on every worker the scheduler retries it on, is one line, not
    distributed's traceback."""
    from distributed.scheduler import KilledWorker

    try:
        return client.compute(tasks, sync=True)
    except KilledWorker:
        raise IvigBlinaError(
            "a Dask worker died while reading or deriving the partitions, on every retry (out of "
            "memory, most likely): give the workers more memory, or the cohort in more, smaller "
            "partitions",
            path=source,
        ) from None


def connect(scheduler: str, timeout: float):
    """A Client of the Dask scheduler at ``scheduler``, connected within ``timeout`` seconds, else
    one line saying so. distributed's own ``timeout`` covers a port where nothing listens (its
    default took 31 s) but not a listener that is not a Dask scheduler (a web server): the
    handshake then waits forever. So the Client is made in a daemon thread given ``timeout``
    and a second to end; one still connecting then is left behind (it holds nothing of ours,
    and a daemon thread does not keep the process alive)."""
    import threading

    from distributed import Client

    made: dict = {}

    def make() -> None:
        try:
            made["client"] = Client(scheduler, timeout=timeout)
        except BaseException as e:  # handed over to the caller's thread
            made["error"] = e

    thread = threading.Thread(target=make, name="ivigblina-connect", daemon=True)
    thread.start()
    thread.join(timeout + 1.0)
    where = f"the Dask scheduler at '{scheduler}' given by --scheduler"
    if thread.is_alive():
        raise IvigBlinaError(
            f"no answer from {where} within {timeout:g} s (--scheduler-timeout); something listens "
            "there, but it does not speak Dask's protocol: is it the scheduler's address?"
        )
    error = made.get("error")
    if isinstance(error, (OSError, ValueError, TypeError)):  # unreachable (timed out), or not an address
        raise IvigBlinaError(f"cannot reach {where} ({type(error).__name__}: {error})") from None
    if error is not None:
        raise error
    return made["client"]


def _read_part(path: str, columns, dialect, today) -> tuple[pd.DataFrame, dict]:
    """One partition, validated: its rows with their file and line, and its counts."""
    obs = read_cohort(path, columns, dialect, require_cohort=False, today=today, row_keys=True)
    t = obs.table
    infection_columns = [c for c in ("grade", "pathogen") if c in t]
    if infection_columns:  # not carried through the shuffle: refused, never dropped
        raise IvigBlinaError(
            f"--engine dask does not read the infections' {' and '.join(infection_columns)} yet; read the "
            "cohort as one file (--engine pandas), or leave the column out of the partitions",
            path=path,
            line=1,
        )
    data = pd.DataFrame(
        {
            "patient_id": t.patient_id.astype(str),
            "cohort": t.cohort.astype(str),
            "day": t.day,
            "igg": t.igg,
            "censored": t.censored.astype(str),
            "event": t.event.astype(str),
            "line": t.line.astype(np.int64),
            "path": path,
            "has_data": True,
            "key": obs.row_keys,
        }
    )
    listed = obs.listing  # the rows that only name a patient (with or without a day)
    assert listed is not None  # read with row_keys
    only = pd.DataFrame(
        {
            "patient_id": listed.patient_id,
            "cohort": listed.cohort,
            "day": listed.day,
            "igg": np.nan,
            "censored": "",
            "event": "",
            "line": listed.line.astype(np.int64),
            "path": path,
            "has_data": False,
            "key": listed.key,
        }
    )
    rows = pd.concat([data, only], ignore_index=True).astype(ROWS)
    return rows, {
        "counts": obs.counts,
        "sha256": obs.sha256,
        "has_events": obs.has_events,
        "igg_units": obs.igg_units,
        "notes": [f"{path}: {note}" for note in obs.notes],
        "unknown_labels": obs.unknown_labels,
    }


def _patients_part(rows: pd.DataFrame, source: str, require_cohort: bool, cohort_column: str, definitions: dict):
    """The per-patient table of whole patients (after the shuffle), its counts, event labels,
    the patients of its counts, and the counts of rows (:data:`RECOUNTED` and the duplicates
    across partitions).
    A patient's rows are taken in partition and line order, and checked with the reader's own
    rules and messages (one cohort per patient, a cohort for every patient). A row equal to an
    earlier one of another partition (the reader's definition: equal text in every column read,
    see ``read_cohort(row_keys=True)``) is a duplicate row, left out and counted."""
    rows = rows.sort_values(["path", "line"], kind="stable").reset_index(drop=True)
    repeated = rows.duplicated(["patient_id", "key"]).to_numpy()
    if repeated.any():
        rows = rows[~repeated].reset_index(drop=True)
    codes, names = pd.factorize(rows.patient_id, sort=True)
    cohort_codes, cohort_names = pd.factorize(rows.cohort)
    none = len(cohort_names)
    cohort_codes = np.where(rows.cohort.to_numpy() == "", none, cohort_codes)
    labels = np.append(np.asarray(cohort_names, dtype=object), "")
    clash = first_cohort_clash(codes, cohort_codes, none)
    if clash is not None:
        row, earlier = clash
        raise IvigBlinaError(
            cohort_clash_message(names[codes[row]], labels[cohort_codes[row]], labels[earlier]),
            path=rows.path[row],
            line=int(rows.line[row]),
            column=cohort_column,
        )
    given = cohort_codes != none
    of_patient = np.full(len(names), none)
    of_patient[codes[given][::-1]] = cohort_codes[given][::-1]  # the first given row wins (all agree)
    cohort = pd.Series(labels[of_patient], dtype=object)
    first = rows.groupby(codes).first()
    if require_cohort and (cohort == "").any():
        pid = int(np.flatnonzero(cohort.to_numpy() == "")[0])
        raise IvigBlinaError(
            no_cohort_message(names[pid]), path=first.path[pid], line=int(first.line[pid]), column=cohort_column
        )
    listed_day = rows.day.where(~rows.has_data).groupby(codes).max().reindex(range(len(names)))  # NaN if none
    patients = pd.DataFrame(
        {
            "pid": np.arange(len(names)),
            "patient_id": np.asarray(names, dtype=object),
            "cohort": cohort.to_numpy(),
            "line": first.line.to_numpy(),
            "listed_day": listed_day.to_numpy(),
        }
    )
    data = rows[rows.has_data.to_numpy()]
    pid = codes[rows.has_data.to_numpy()]
    table = pd.DataFrame(
        {
            "pid": pid.astype(np.int64),
            "patient_id": pd.Categorical.from_codes(pid, names),
            "cohort": pd.Categorical(cohort.to_numpy()[pid]),
            "day": data.day.to_numpy(),
            "igg": data.igg.to_numpy(),
            "censored": pd.Categorical(data.censored.to_numpy()),
            "event": pd.Categorical(data.event.to_numpy()),
            "line": data.line.to_numpy(),
        }
    )
    obs = Observations(source, "", table, patients, True)
    result = per_patient(obs, **definitions)
    found = {label for label in table.event.unique() if label}
    columns = [c for c in result.table.columns if c not in result.event_outcomes]
    kept = result.table[columns + [c for c in result.event_outcomes if c in found or c in INFECTIONS]]
    conflicts, _ = same_day_conflicts(table.iloc[np.lexsort((table.day.to_numpy(), table.pid.to_numpy()))])
    recounted = {
        "duplicate_rows": int(repeated.sum()),
        "used_rows": len(table),
        "patient_only_rows": int((~rows.has_data).sum()),
        "censored_values": int((table.censored != "").sum()),
        "same_day_conflicts": conflicts,
    }
    return kept, result.counts, found, result.patient_ids, recounted
