"""Writing results: atomic files that never replace an input, keep their mode, leave nothing
behind when a write is cut short."""

import os

import pytest

from ivig_blina.errors import IvigBlinaError
from ivig_blina.io.writing import save_atomically, write_atomically


def test_any_of_several_inputs_is_refused(tmp_path):
    inputs = [tmp_path / "part-1.csv", tmp_path / "part-2.csv"]
    for path in inputs:
        path.write_text("data\n")
    os.symlink(inputs[1], tmp_path / "link.csv")  # the same file by another name
    for target in (inputs[1], tmp_path / "link.csv"):
        with pytest.raises(IvigBlinaError, match="refusing to overwrite the input file"):
            write_atomically(str(target), "result\n", [str(p) for p in inputs])
    assert [p.read_text() for p in inputs] == ["data\n", "data\n"]
    write_atomically(str(tmp_path / "out.csv"), "result\n", [str(p) for p in inputs] + ["-"])
    assert (tmp_path / "out.csv").read_text() == "result\n"


def test_one_input_given_as_a_string_is_still_one_path(tmp_path):
    source = tmp_path / "cohort.csv"
    source.write_text("data\n")
    with pytest.raises(IvigBlinaError, match="refusing to overwrite"):
        save_atomically(str(source), lambda temporary: open(temporary, "w").close(), str(source))
