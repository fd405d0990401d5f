"""The vectorised CSV writer writes exactly what the row writer writes."""

import io

import numpy as np
import pandas as pd
import pytest

from ivig_blina.render import frame_text, plain, write_rows


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_frame_text_equals_the_row_writer(fmt):
    rng = np.random.default_rng(5)
    floats = np.concatenate([rng.random(200) * 1e4, rng.random(50) * 1e-6, rng.random(50) * 1e20,
                             [338.0, -2.0, 0.0, -0.0, 1e-05, 1.5e-05, 2.5e-10, 1e15, 9999999999999998.0, 1e16,
                              np.inf, -np.inf, np.nan, 0.1 + 0.2, 5e-324]])
    n = len(floats)
    frame = pd.DataFrame({
        "text": (["P1", "=cmd", "-3", "a,b", 'say "hi"', "tab\there", "line\nbreak", "@x", "+1", ""] * n)[:n],
        "number": floats,
        "count": np.arange(n),
        "flag": pd.array(([True, False, None] * n)[:n], dtype="boolean"),
        "label": pd.Categorical((["<", "", ">"] * n)[:n]),
    })
    rows = [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]
    expected = io.StringIO()
    write_rows(rows, list(frame.columns), fmt, expected)
    assert frame_text(frame, fmt) == expected.getvalue()


def test_frame_text_of_an_empty_table():
    assert frame_text(pd.DataFrame({"a": pd.Series([], dtype=float), "b": pd.Series([], dtype=object)}), "csv") == "a,b\n"
