"""The corpus of bad and awkward files (tests/data/make_corpus.py): exact messages and results."""

import json
import sys

import pytest
from conftest import ROOT, run

sys.path.insert(0, str(ROOT / "tests" / "data"))
from make_corpus import AWKWARD, BAD, HERE  # noqa: E402


def test_corpus_files_are_what_the_script_writes():
    for name, content, *_ in BAD + AWKWARD:
        assert (HERE / name).read_bytes() == content, name


@pytest.mark.parametrize("name, content, options, message", BAD, ids=[case[0] for case in BAD])
def test_bad_file_gives_its_exact_message(name, content, options, message):
    path = str(HERE / name)
    result = run("nadir", path, *options)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"ivigblina: error: {path}{message}\n"


@pytest.mark.parametrize("name, content, options, expected, summary", AWKWARD, ids=[case[0] for case in AWKWARD])
def test_awkward_file_gives_the_right_nadirs(name, content, options, expected, summary):
    result = run("nadir", str(HERE / name), "-f", "json", *options)
    assert result.exit_code == 0, result.stderr
    rows = {
        r["patient_id"]: (r["nadir_igg"], r["nadir_day"], r["nadir_censored"], r["hgg"])
        for r in json.loads(result.stdout)
    }
    assert rows == expected
    assert summary in result.stderr
