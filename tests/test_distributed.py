"""--engine dask on a local Dask cluster: several partitions, patients split across them, the
same per-patient table and P values as the default engine."""

import http.server
import io
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time

import numpy as np
import pandas as pd
import pytest
from conftest import WO, run

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, dashboard_address=None, silence_logs=logging.CRITICAL
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def partitions(tmp_path):
    """The example cut into four partitions (three CSV, one Parquet) at random rows, so that most
    patients are split across partitions."""
    frame = pd.read_csv(WO, dtype=str, keep_default_na=False)
    part = np.random.default_rng(3).integers(0, 4, len(frame))
    for k in range(4):
        piece = frame[part == k]
        if k == 3:
            piece.to_parquet(tmp_path / f"part{k}.parquet")
        else:
            piece.to_csv(tmp_path / f"part{k}.csv", index=False)
    assert (
        frame.groupby("patient_id").apply(
            lambda rows: part[rows.index].min() != part[rows.index].max(), include_groups=False
        )
    ).sum() > 15
    return tmp_path


def test_same_per_patient_table_as_one_file(partitions, scheduler):
    split = run("nadir", partitions, "--engine", "dask", "--scheduler", scheduler, "-f", "csv", "-q")
    assert split.exit_code == 0, split.stderr
    assert split.stdout == run("nadir", WO, "-f", "csv", "-q").stdout


def test_a_cohort_over_the_budget_as_one_file_is_read_from_partitions_that_fit(partitions, scheduler):
    """Issue 19: the memory a file needs is predicted before it is read; over the budget, one line
    suggests --engine dask, which reads partitions that each fit the budget, with the same
    per-patient table."""
    from ivig_blina.io import memory

    def need(path):
        data = path.read_bytes()
        return memory.csv_need(len(data), data.count(b"\n"))

    parts = [need(p) for p in sorted(partitions.glob("*.csv"))]
    parts.append(memory.PARQUET_BYTES_PER_CELL * len(pd.read_parquet(partitions / "part3.parquet")) * 5)  # 5 read
    budget = max(parts) + 1
    assert budget < need(WO)  # the whole file needs more than the budget
    refused = run("nadir", WO, "--max-memory", str(budget), "-f", "csv")
    assert refused.exit_code == 1 and refused.stdout == ""
    assert "--engine dask" in refused.stderr and refused.stderr.count("\n") == 1
    split = run(
        "nadir",
        partitions,
        "--engine",
        "dask",
        "--scheduler",
        scheduler,
        "--max-memory",
        str(budget),
        "-f",
        "csv",
        "-q",
    )
    assert split.exit_code == 0, split.stderr
    assert split.stdout == run("nadir", WO, "-f", "csv", "-q").stdout


def test_same_comparison_and_input_accounting_as_one_file(partitions, scheduler):
    split = run("compare", str(partitions / "part*"), "--engine", "dask", "--scheduler", scheduler, "-f", "json", "-q")
    assert split.exit_code == 0, split.stderr
    one = json.loads(run("compare", WO, "-f", "json", "-q").stdout)
    assert json.loads(split.stdout)["outcomes"] == one["outcomes"]
    assert json.loads(split.stdout)["input"] == one["input"]


def test_the_input_accounting_adds_up_blank_duplicate_and_listing_rows(partitions, scheduler):
    extra = "C01,control,5,300,,,,,,,\nC01,control,5,300,,,,,,,\n\nZ9,control,,,,,,,,,\n"  # the example's 11 columns
    (partitions / "part8.csv").write_text(WO.read_text().split("\n", 1)[0] + "\n" + extra)
    split = run("compare", partitions, "--engine", "dask", "--scheduler", scheduler, "-f", "json", "-q")
    assert split.exit_code == 0, split.stderr
    (partitions / "whole.txt").write_text(WO.read_text() + extra)  # not a partition: read as one file
    one = json.loads(run("compare", partitions / "whole.txt", "-f", "json", "-q").stdout)["input"]
    assert json.loads(split.stdout)["input"] == one
    assert (one["duplicate_rows"], one["blank_rows"], one["patient_only_rows"]) == (1, 1, 1)


def test_a_bad_value_names_its_partition_and_line(partitions, scheduler):
    with open(partitions / "part1.csv", "a") as f:
        f.write("X1,ivig,5,abc,,,,,,,\n")
    lines = (partitions / "part1.csv").read_text().count("\n")
    result = run("nadir", partitions, "--engine", "dask", "--scheduler", scheduler, "-q")
    assert result.exit_code == 1
    assert result.stderr == (
        f"ivigblina: error: {partitions / 'part1.csv'}:{lines}: column 'igg_mg_dl': 'abc' is not a number\n"
    )


def test_a_patient_in_two_cohorts_across_partitions(partitions, scheduler):
    # a partition of its own, valid by itself: C01 is a control patient in the others
    (partitions / "part9.csv").write_text("patient_id,cohort,day,igg_mg_dl,event\nC01,ivig,5,300,\n")
    result = run("nadir", partitions, "--engine", "dask", "--scheduler", scheduler, "-q")
    assert result.exit_code == 1
    assert result.stderr == (
        f"ivigblina: error: {partitions / 'part9.csv'}:2: column 'cohort': patient 'C01' is in "
        "cohort 'ivig' here but in 'control' earlier; a patient belongs to one cohort\n"
    )


def test_an_unreachable_scheduler_is_one_line(partitions):
    result = run("nadir", partitions, "--engine", "dask", "--scheduler", "no-port-here", "-q")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "cannot reach the Dask scheduler at 'no-port-here' given by --scheduler" in result.stderr


def test_no_partitions(tmp_path, scheduler):
    result = run("nadir", tmp_path, "--engine", "dask", "--scheduler", scheduler)
    assert result.exit_code == 1 and "no CSV, TSV or Parquet partitions found" in result.stderr


def test_infection_figure_from_partitions_and_igg_figure_refused(partitions, scheduler, tmp_path):
    figure = tmp_path / "km.png"
    done = run("plot", "infection", partitions, "--engine", "dask", "--scheduler", scheduler, "-o", figure, "-q")
    assert done.exit_code == 0, done.stderr
    assert figure.read_bytes().startswith(b"\x89PNG")
    refused = run("plot", "igg", partitions, "--engine", "dask", "--scheduler", scheduler, "-o", figure)
    assert refused.exit_code == 1 and "reads one file" in refused.stderr


def test_listing_rows_and_events_after_a_death_across_partitions(tmp_path, scheduler):
    """A's death, the infection after it and a listing row on day 200 lie in different
    partitions; the default engine reads the same rows as one file."""
    head = "patient_id,cohort,day,igg_mg_dl,event\n"
    first = "A,x,10,500,\nA,x,40,,death\nB,y,5,300,\nC,y,,,\nD,x,3,,\n"
    second = "A,x,60,,infection\nA,x,200,,\nB,y,150,,\nB,y,20,,infection\nD,x,,,\n"
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "p1.csv").write_text(head + first)
    (tmp_path / "parts" / "p2.csv").write_text(head + second)
    (tmp_path / "one.csv").write_text(head + first + second)
    split = run("nadir", tmp_path / "parts", "--engine", "dask", "--scheduler", scheduler, "-f", "csv")
    one = run("nadir", tmp_path / "one.csv", "-f", "csv")
    assert split.exit_code == 0, split.stderr
    assert split.stdout == one.stdout  # the text of several Arrow chunks once gave a traceback here
    rows = {r["patient_id"]: r for r in pd.read_csv(io.StringIO(one.stdout), dtype=str).to_dict("records")}
    assert (rows["A"]["follow_up_days"], rows["A"]["infection_status"]) == ("40.0", "0")
    assert (rows["B"]["follow_up_days"], rows["D"]["follow_up_days"]) == ("150.0", "3.0")
    assert split.stderr.split(": ", 1)[1] == one.stderr.split(": ", 1)[1]
    assert "1 event after the patient's death not counted (follow-up ends at the death: A)" in one.stderr


@pytest.mark.parametrize("form", ["glob", "directory"])
def test_output_onto_a_partition_is_refused(partitions, scheduler, form):
    """Issue 13, item 1: -o once replaced a partition of the glob or directory it read."""
    target = partitions / "part1.csv"
    before = target.read_bytes()
    given = str(partitions / "part*") if form == "glob" else str(partitions)
    result = run("nadir", given, "--engine", "dask", "--scheduler", scheduler, "-f", "csv", "-q", "-o", target)
    assert result.exit_code == 1
    assert (
        result.stderr == f"ivigblina: error: {target}: refusing to overwrite the input file; choose another --output\n"
    )
    assert target.read_bytes() == before


def _nadir_with_scheduler(partitions, address: str, *options: str) -> tuple[subprocess.CompletedProcess, float]:
    """Run in its own process: a connection left waiting must not outlive the test."""
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ivig_blina",
            "nadir",
            str(partitions),
            "--engine",
            "dask",
            "--scheduler",
            address,
            "-q",
            *options,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "IVIGBLINA_PLUGINS": "none"},
    )
    return done, time.monotonic() - started


def test_a_listener_that_is_not_dask_is_one_line_within_the_timeout(partitions):
    """Issue 13, item 11: a web server at the --scheduler address once made the run hang forever."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    server.RequestHandlerClass.log_message = lambda *args: None  # type: ignore[method-assign]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"tcp://127.0.0.1:{server.server_address[1]}"
        done, took = _nadir_with_scheduler(partitions, address, "--scheduler-timeout", "2")
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        f"ivigblina: error: no answer from the Dask scheduler at '{address}' given by --scheduler "
        "within 2 s (--scheduler-timeout); something listens there, but it does not speak Dask's "
        "protocol: is it the scheduler's address?\n"
    )
    assert took < 30


def test_a_closed_port_is_one_line_within_the_timeout(partitions):
    """A closed port once took distributed's own 30 s."""
    with socket.socket() as probe:  # a loopback port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done, took = _nadir_with_scheduler(partitions, f"tcp://127.0.0.1:{port}", "--scheduler-timeout", "1")
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert (
        f"ivigblina: error: cannot reach the Dask scheduler at 'tcp://127.0.0.1:{port}' given by --scheduler"
        in done.stderr
        and "after 1 s" in done.stderr
    )
    assert took < 25


def test_the_scheduler_timeout_is_recorded_and_checked(partitions, scheduler):
    result = run(
        "compare",
        partitions,
        "--engine",
        "dask",
        "--scheduler",
        scheduler,
        "--scheduler-timeout",
        "30",
        "-f",
        "json",
        "-q",
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["meta"]["options"]["scheduler_timeout"] == 30.0
    from ivig_blina import OptionError, load

    with pytest.raises(OptionError, match="scheduler_timeout: expected a number of seconds > 0, got 0"):
        load(str(partitions), engine="dask", scheduler=scheduler, scheduler_timeout=0)


# Issue 13, item 17: files skipped in silence, and duplicates across partitions counted twice.


@pytest.mark.parametrize("stray", ["notes.txt", "part9.csv.bz2", "sub/"])
def test_a_file_that_is_not_a_partition_is_refused_by_name(partitions, scheduler, stray):
    if stray.endswith("/"):
        (partitions / stray).mkdir()
    else:
        (partitions / stray).write_bytes(b"patient_id,cohort,day,igg_mg_dl\nZ,x,1,300\n")
    for given in (partitions, partitions / "*"):
        result = run("nadir", given, "--engine", "dask", "--scheduler", scheduler, "-q")
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr == (
            f"ivigblina: error: {given}: {'holds' if given == partitions else 'matches'} "
            f"{stray}, not CSV, TSV, gzipped CSV or Parquet partitions (.csv, .tsv, .csv.gz, "
            ".tsv.gz, .parquet); move them out, or give a glob that matches only the partitions\n"
        )
    assert run("nadir", partitions / "part[0-3].*", "--engine", "dask", "--scheduler", scheduler, "-q").exit_code == 0


def test_hidden_and_underscore_files_are_not_partitions(partitions, scheduler):
    """Writers leave _SUCCESS, _metadata and .crc files beside their partitions."""
    (partitions / "_SUCCESS").write_text("")
    (partitions / ".part0.csv.crc").write_bytes(b"\x00\x01")
    split = run("nadir", partitions, "--engine", "dask", "--scheduler", scheduler, "-f", "csv", "-q")
    assert split.exit_code == 0, split.stderr
    assert split.stdout == run("nadir", WO, "-f", "csv", "-q").stdout


def test_duplicates_across_partitions_are_counted_as_in_one_file(tmp_path, scheduler):
    """A row in two partitions once counted twice (an infection episode 5 -> 10). The input
    accounting equals the default engine's on the same rows in one file: duplicates, used rows,
    rows that only list a patient, censored values and same-day conflicts that span partitions."""
    head = "patient_id,cohort,day,igg_mg_dl,event\n"
    first = (
        "A,x,0,500,\nA,x,10,<300,\nA,x,20,,infection\nA,x,30,,infection\nB,y,0,600,\nB,y,5,400,\nC,y,3,350,\nD,y,,,\n"
    )
    second = (
        "A,x,10,<300,\nA,x,20,,infection\n"  # the same rows again: duplicates across partitions
        "B,y,5,410,\n"  # another value on B's day 5: a same-day conflict across partitions
        "C,y,3,350.0,\n"  # the same number written otherwise: not a duplicate, as in one file
        "A,x,20,,Infection\n"  # the same label in another case: a duplicate, as in one file
        "D,y,,,\nD,y,7,,\n"
    )  # rows that only list a patient: one repeated, one with a day
    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / "p1.csv").write_text(head + first)
    (parts / "p2.csv").write_text(head + second)
    (tmp_path / "one.csv").write_text(head + first + second)
    split = run("compare", parts, "--engine", "dask", "--scheduler", scheduler, "-f", "json", "-q", "--groups", "x,y")
    one = run("compare", tmp_path / "one.csv", "-f", "json", "-q", "--groups", "x,y")
    assert split.exit_code == 0, split.stderr
    split_input, one_input = json.loads(split.stdout)["input"], json.loads(one.stdout)["input"]
    assert split_input == one_input
    assert (
        one_input["duplicate_rows"],
        one_input["used_rows"],
        one_input["patient_only_rows"],
        one_input["censored_values"],
        one_input["same_day_conflicts"],
    ) == (4, 9, 2, 1, 1)
    assert json.loads(split.stdout)["outcomes"] == json.loads(one.stdout)["outcomes"]
    nadir = {
        r["patient_id"]: r
        for r in json.loads(
            run("nadir", parts, "--engine", "dask", "--scheduler", scheduler, "-f", "json", "-q").stdout
        )
    }
    assert nadir["A"]["infection_episodes"] == 2  # days 20 (Infection is infection) and 30


def test_partitions_with_grades_or_pathogens_are_refused_not_dropped(tmp_path, scheduler):
    """The infections' grade and pathogen columns are not carried through the shuffle (issue 15): a
    partition holding one is refused by name, never read without it."""
    (tmp_path / "part0.csv").write_text("patient_id,cohort,day,igg_mg_dl,event\nA,x,0,500,\nB,y,0,600,\n")
    (tmp_path / "part1.csv").write_text(
        "patient_id,cohort,day,igg_mg_dl,event,pathogen\nA,x,5,,infection,CMV\nB,y,9,,infection,\n"
    )
    result = run("compare", str(tmp_path), "--engine", "dask", "--scheduler", scheduler)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"ivigblina: error: {tmp_path / 'part1.csv'}:1: --engine dask does not read the infections' pathogen yet; "
        "read the cohort as one file (--engine pandas), or leave the column out of the partitions\n"
    )


def test_a_worker_killed_on_every_retry_is_one_line():
    """A task whose worker dies on every retry (killed for its memory, or lost) ends in
    KilledWorker on the client: it is one line naming the source, not distributed's traceback.
    Other failures pass through unchanged (a bad row is already one line of its own)."""
    from ivig_blina.cohort.distributed import computed
    from ivig_blina.errors import IvigBlinaError

    class Dying:
        def __init__(self, error):
            self.error = error

        def compute(self, tasks, sync):
            raise self.error

    with pytest.raises(IvigBlinaError) as killed:
        computed(Dying(distributed.scheduler.KilledWorker("_read_part-1", "tcp://10.0.0.2:8786", 3)), [], "extract/")
    assert str(killed.value) == (
        "extract/: a Dask worker died while reading or deriving the partitions, on every retry (out of memory, "
        "most likely): give the workers more memory, or the cohort in more, smaller partitions"
    )
    bad_row = IvigBlinaError("'abc' is not a number", path="part1.csv", line=7)
    with pytest.raises(IvigBlinaError) as passed:
        computed(Dying(bad_row), [], "extract/")
    assert passed.value is bad_row
