"""The vectorised CSV writer writes exactly what the row writer writes; the plain table aligns."""

import io

import numpy as np
import pandas as pd
import pytest
from conftest import WO

from ivig_blina.render.text import frame_text, plain, rows_table, write_rows


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_frame_text_equals_the_row_writer(fmt):
    rng = np.random.default_rng(5)
    floats = np.concatenate(
        [
            rng.random(200) * 1e4,
            rng.random(50) * 1e-6,
            rng.random(50) * 1e20,
            10.0 ** rng.uniform(-9, 20, 400) * rng.choice([-1, 1], 400),  # every magnitude: Python's exponents
            [1e10, 12345678901.5, 99999999999.0, 1e-4, 9.9999e-5, 1e-6, 5e-7],  # where Arrow's exponents differ
            [
                338.0,
                -2.0,
                0.0,
                -0.0,
                1e-05,
                1.5e-05,
                2.5e-10,
                1e15,
                9999999999999998.0,
                1e16,
                np.inf,
                -np.inf,
                np.nan,
                0.1 + 0.2,
                5e-324,
            ],
        ]
    )
    n = len(floats)
    frame = pd.DataFrame(
        {
            "text": (["P1", "=cmd", "-3", "a,b", 'say "hi"', "tab\there", "line\nbreak", "@x", "+1", ""] * n)[:n],
            "number": floats,
            "repeated": np.resize(floats[-15:], n),  # few distinct values: each formatted once
            "count": np.arange(n),
            "flag": pd.array(([True, False, None] * n)[:n], dtype="boolean"),
            "label": pd.Categorical((["<", "", ">"] * n)[:n]),
        }
    )
    rows = [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]
    expected = io.StringIO()
    write_rows(rows, list(frame.columns), fmt, expected)
    assert frame_text(frame, fmt) == expected.getvalue()


@pytest.mark.parametrize(
    "numbers",
    [
        [-2.0, 3.0, np.nan, 0.0],  # whole numbers, negative ones too
        [-0.0, 1.0],  # Python writes -0.0
        [1e15, -1e15, 2.0],  # beyond 1e15 Python writes 1e+15
        [999999999999999.0, -5.0],
        [0.5, 2.0, np.nan],  # some whole, some not
        [np.nan, np.nan],
    ],
)
@pytest.mark.parametrize("times", [1, 10])  # 10: few distinct values, formatted once each
def test_a_column_of_whole_numbers_is_written_as_the_row_writer_writes_it(numbers, times):
    numbers = numbers * times
    frame = pd.DataFrame({"x": numbers, "y": numbers[::-1]})
    rows = [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]
    expected = io.StringIO()
    write_rows(rows, list(frame.columns), "csv", expected)
    assert frame_text(frame, "csv") == expected.getvalue()


def test_frame_text_of_an_empty_table():
    assert (
        frame_text(pd.DataFrame({"a": pd.Series([], dtype=float), "b": pd.Series([], dtype=object)}), "csv") == "a,b\n"
    )


def test_rows_table_aligns_columns_by_terminal_width():
    rows = [
        {"id": "P1", "value": 338.0, "flag": True, "note": None},
        {"id": "患者2", "value": 1e-7, "flag": False, "note": "é"},
    ]  # 患者 takes four columns
    text = rows_table(rows, ["id", "value", "flag", "note"], title="T", caption="C")
    assert text.splitlines() == [
        "T",
        "id     value  flag   note",
        "─" * 25,
        "P1     338    true",
        "患者2  1e-07  false  é",
        "C",
    ]


def test_rows_table_shows_control_characters_and_markup_as_text():
    text = rows_table([{"id": "[/x]"}, {"id": "a\tb\nc\x1b[31m"}], ["id"])
    assert text.splitlines()[2:] == ["[/x]", "a\\tb\\nc\\x1b[31m"]


def test_markdown_cells_keep_to_one_line():
    out = io.StringIO()
    write_rows([{"id": "a|b\nc"}], ["id"], "markdown", out)
    assert out.getvalue().splitlines() == ["| id |", "|---|", "| a\\|b\\nc |"]


@pytest.mark.parametrize(
    "p, shown",
    [
        (0.641, "0.64"),
        (0.13, "0.13"),
        (1.0, "1"),
        (0.0496, "0.0496"),
        (0.0504, "0.0504"),
        (0.05, "0.05"),
        (0.0512, "0.051"),
        (0.049, "0.049"),
        (0.00099, "<0.001"),
        (0.001, "0.001"),
        (None, "—"),
        (float("nan"), "—"),
    ],
)
def test_one_rule_for_p_values_everywhere(p, shown):
    from ivig_blina.analyses.results import format_p

    assert format_p(p) == shown


@pytest.mark.parametrize("width", [60, 80, 100])
def test_the_comparison_table_never_runs_wider_than_the_terminal(width):
    import io

    from rich.console import Console

    import ivig_blina
    from ivig_blina.render.text import comparison_table

    result = ivig_blina.compare(ivig_blina.load(str(WO)), groups=("ivig", "control"), adjust="holm")
    out = io.StringIO()
    Console(file=out, width=width, no_color=True).print(comparison_table(result, width=width))
    lines = out.getvalue().splitlines()
    assert max(map(len, lines)) <= width
    text = out.getvalue()
    for outcome in ("igg_nadir", "infection", "time_to_infection", "infection_rate"):
        assert outcome in text
    assert "2.24 (0.141 to 28.3)" in " ".join(text.split())  # the infection odds ratio and its interval


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_header_cells_are_neutralised_as_body_cells(fmt):
    """Issue 13, item 8: an event label names a column of nadir, and reached the header as a formula."""
    columns = ["patient_id", '=hyperlink("http://evil")', "+1", "@x", "-Inf", "ok"]
    frame = pd.DataFrame({c: ["P1"] for c in columns})
    expected = io.StringIO()
    write_rows([dict.fromkeys(columns, "P1")], columns, fmt, expected)
    header = frame_text(frame, fmt).splitlines()[0]
    assert header == expected.getvalue().splitlines()[0]
    delimiter = "," if fmt == "csv" else "\t"
    assert header == delimiter.join(["patient_id", '"\'=hyperlink(""http://evil"")"', "'+1", "'@x", "-Inf", "ok"])


def test_markdown_header_escapes_the_bar_as_body_cells():
    out = io.StringIO()
    write_rows([{"a|b": "c|d"}], ["a|b"], "markdown", out)
    assert out.getvalue().splitlines() == ["| a\\|b |", "|---|", "| c\\|d |"]
