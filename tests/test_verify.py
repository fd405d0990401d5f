"""Checking a published result (``ivigblina verify``): the printed-precision rules, GRIM, every
test's P against R (tests/golden/r_power.py, VERIFY and GRIM), and the Wo et al. 2022 abstract."""

import csv
import io
import json
from decimal import Decimal

import pytest
from conftest import run
from golden import r_power

import ivig_blina
from ivig_blina.analyses.verify import TESTS, verify
from ivig_blina.errors import OptionError
from ivig_blina.stats.published import chi_square_uncorrected, fisher_mid_p, percent_counts, printed_p

# the abstract of Wo et al., Blood Research 2022;57(2):135-143: infection, ICU, infection-related death
ABSTRACT = [("82.4%/17,66.7%/6", "0.58"), ("23.5%/17,16.7%/6", "1"), ("17.6%/17,16.7%/6", "1")]
GOLDEN_KEYS = {test: test.replace("-", "_") for test in TESTS}


@pytest.mark.parametrize(
    "text, low, high, inside, outside",
    [
        ("0.58", "0.575", "0.585", [0.575, 0.5756, 0.58499999], [0.5749999, 0.585]),
        ("P=1", "0.995", "1", [0.995, 0.9999999999999999, 1.0], [0.99499]),
        ("1", "0.995", "1", [1.0], [0.99]),
        ("p < .001", "0", "0.001", [0.0, 0.000999], [0.001]),
        ("<=0.05", "0", "0.05", [0.05], [0.0500001]),
        (">0.99", "0.99", "1", [0.995], [0.99]),
        ("0.000", "0", "0.0005", [0.0004], [0.0005]),
        ("1e-4", "0.00005", "0.00015", [0.0001], [0.00015]),
        ("0.6", "0.55", "0.65", [0.55, 0.6], [0.65]),
    ],
)
def test_a_printed_p_allows_half_a_unit_of_its_last_digit(text, low, high, inside, outside):
    printed = printed_p(text)
    assert (printed.low, printed.high) == (Decimal(low), Decimal(high))
    assert all(printed.allows(p) for p in inside)
    assert not any(printed.allows(p) for p in outside)


@pytest.mark.parametrize("text", ["", "abc", "1.5", "-0.1", "P=", "0.5.1", "nan"])
def test_a_printed_p_that_is_no_p_is_refused(text):
    with pytest.raises(OptionError, match="^p: "):
        printed_p(text)


@pytest.mark.parametrize("key", list(r_power.GRIM))
def test_grim_lists_the_counts_whose_percentage_prints_so(key):
    percent, n = key.split(" of ")
    expected = [int(k) for k in r_power.GRIM[key].split()]
    ours = percent_counts(percent, int(n))
    if percent == "12.5" or (percent == "50" and n == "7"):
        assert set(expected) <= set(ours)  # a half rounds either way here; sprintf rounds it to even
    else:
        assert ours == expected


def test_a_half_is_accepted_rounded_either_way():
    assert percent_counts("13", 8) == [1] and percent_counts("12", 8) == [1]  # 12.5%: either way
    assert percent_counts("82.5", 17) == []  # 14/17 = 82.35%, 15/17 = 88.2%: no count
    assert percent_counts("100", 3) == [3] and percent_counts("0", 3) == [0]
    with pytest.raises(OptionError, match="^percent: "):
        percent_counts("101", 3)
    with pytest.raises(OptionError, match="^n: "):
        percent_counts("50", 0)


@pytest.mark.parametrize("name", list(r_power.VERIFY))
def test_every_tests_p_equals_r(name):
    case = r_power.VERIFY[name]
    a, b = (case["events_1"], case["n_1"]), (case["events_2"], case["n_2"])
    [row] = verify(f"{a[0]}/{a[1]},{b[0]}/{b[1]}").rows
    computed = {t.test: t.p_value for t in row.tests}
    for test, key in GOLDEN_KEYS.items():
        if key in case:
            expected = case[key]
            assert (computed[test] is None and expected is None) or computed[test] == pytest.approx(
                expected, rel=1e-6
            ), test
    assert fisher_mid_p(a, b) == pytest.approx(case["fisher_mid_p"], rel=1e-12)
    uncorrected = chi_square_uncorrected(a, b)
    assert (uncorrected is None) == (case["chi_square_uncorrected"] is None)


def test_the_abstract_of_wo_2022_is_reproduced_by_fisher():
    for binary, p in ABSTRACT:
        [row] = verify(binary, p).rows  # each percentage consistent with one table
        assert row.tables_consistent == 1 and "fisher" in row.reproduced_by
    rows = [verify(binary, p).rows[0] for binary, p in ABSTRACT]
    assert [(r.events_1, r.n_1, r.events_2, r.n_2) for r in rows] == [(14, 17, 4, 6), (4, 17, 1, 6), (3, 17, 1, 6)]
    assert rows[0].reproduced_by == ("fisher", "barnard")  # 0.5756 and 0.5778; mid-P 0.424, chi-square 0.82


def test_a_percentage_consistent_with_no_count_is_said_and_not_guessed():
    [row] = verify("82.5%/17,66.7%/6", "0.58").rows
    assert row.events_1 is None and row.tests == () and "GRIM" in row.warnings[0]
    result = run("verify", "--binary", "82.5%/17,66.7%/6", "--p", "0.58", "-f", "json")
    assert result.exit_code == 0 and "GRIM" in result.stderr


def test_every_consistent_table_is_listed():
    rows = verify("33.3%/30,50%/7").rows  # 10/30; 50% of 7 is 3.5: 3 (42.9%) and 4 (57.1%) do not print 50%
    assert rows[0].events_1 is None
    rows = verify("33%/100,20%/10").rows
    assert [(r.events_1, r.events_2) for r in rows] == [(33, 2)]
    rows = verify("12%/8,50%/2").rows  # 12.5%: 1 of 8, rounded down
    assert [(r.events_1, r.events_2, r.tables_consistent) for r in rows] == [(1, 1, 1)]
    rows = verify("3%/100,1%/300").rows  # 1% of 300 at no decimal: 2 (0.67%), 3 and 4 (1.33%)
    assert [(r.events_1, r.events_2, r.tables_consistent) for r in rows] == [(3, 2, 3), (3, 3, 3), (3, 4, 3)]


def test_cli_on_the_abstract_in_every_format():
    result = run("verify", "--binary", "82.4%/17,66.7%/6", "--p", "0.58", "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    [row] = document["results"]
    assert row["outcome"] == "82.4%/17,66.7%/6" and row["reproduced_by"] == ["fisher", "barnard"]
    assert [t["test"] for t in row["tests"]] == list(TESTS)
    assert row["tests"][0] == {"test": "fisher", "p_value": pytest.approx(0.5756188891200332), "matches": True}
    flat = list(csv.DictReader(io.StringIO(run("verify", "--binary", "14/17,4/6", "--p", "0.58", "-f", "csv").stdout)))
    assert flat[0]["fisher_matches"] == "true" and flat[0]["fisher-mid-p_matches"] == "false"
    for fmt in ("tsv", "jsonl", "markdown", "table"):
        assert run("verify", "--binary", "14/17,4/6", "-f", fmt).exit_code == 0
    table = run("verify", "--binary", "14/17,4/6", "--p", "0.58").stdout
    assert "0.5756*" in table and "fisher, barnard" in table


def test_a_whole_table_at_once(write, tmp_path):
    path = write(
        "outcome,events_1,n_1,events_2,n_2,p\ninfection,82.4%,17,66.7%,6,0.58\ninfection_icu,4,17,1,6,1\n"
        "infection_death,17.6%,17,1,6,P=1\nno_p,3,10,7,10,\n",
        "table.csv",
    )
    document = json.loads(run("verify", "--table", path, "-f", "json").stdout)
    rows = document["results"]
    assert [r["outcome"] for r in rows] == ["infection", "infection_icu", "infection_death", "no_p"]
    assert all("fisher" in r["reproduced_by"] for r in rows[:3])
    assert all(t["matches"] is None for t in rows[3]["tests"])
    assert document["meta"]["input"] == path
    target = tmp_path / "checked.csv"
    assert run("verify", "--table", path, "-f", "csv", "-o", str(target)).exit_code == 0
    assert len(list(csv.DictReader(target.open()))) == 4
    assert run("verify", "--table", path, "-f", "csv", "-o", path).exit_code == 1  # never over its input


@pytest.mark.parametrize(
    "text, message",
    [
        ("outcome,events_1,n_1\nx,1,2\n", "table.csv:1: expected the columns outcome,events_1,n_1,events_2,n_2,p"),
        ("outcome,events_1,n_1,events_2,n_2,p\nx,1,2,3,x,\n", "table.csv:2: column 'n_2': 'x' is not a number"),
        ("outcome,events_1,n_1,events_2,n_2,p\nx,5,2,3,4,\n", "table.csv:2: column 'events_1': expected a whole"),
        ("outcome,events_1,n_1,events_2,n_2,p\nx,1,2,3,4,2\n", "table.csv:2: column 'p': expected a printed P"),
        ("outcome,events_1,n_1,events_2,n_2,p\nx,1,2,3\n", "table.csv:2: 4 cells where the header has 6"),
        ("", "table.csv: empty"),
    ],
)
def test_a_bad_table_is_one_line_naming_its_line_and_column(text, message, write):
    result = run("verify", "--table", write(text, "table.csv"))
    assert result.exit_code == 1 and result.stdout == ""
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_percent_alone_is_grim():
    document = json.loads(run("verify", "--percent", "82.4", "--n", "17", "-f", "json").stdout)
    assert document["results"] == [{"percent": "82.4", "n": 17, "events": [14], "consistent": True}]
    assert "14" in run("verify", "--percent", "82.4", "--n", "17").stdout
    assert run("verify", "--percent", "82.4", "--n", "17", "-f", "csv").stdout == (
        "percent,n,events,consistent\n82.4,17,14,true\n"
    )


@pytest.mark.parametrize(
    "args, option",
    [
        (["--median", "338"], "--median"),
        ([], "--binary"),
        (["--binary", "14/17"], "--binary"),
        (["--binary", "14/17,7/6"], "--binary"),
        (["--binary", "14/x,4/6"], "--binary"),
        (["--binary", "14/17,4/6", "--p", "2"], "--p"),
        (["--p", "0.5"], "--p"),
        (["--percent", "82.4"], "--n"),
        (["--percent", "120", "--n", "17"], "--percent"),
        (["--binary", "14/17,4/6", "--percent", "82.4", "--n", "17"], "--binary"),
    ],
)
def test_bad_options_are_usage_errors(args, option):
    result = run("verify", *args)
    assert result.exit_code == 2 and option in result.stderr and "Traceback" not in result.stderr


def test_a_median_cannot_be_recomputed_and_says_so():
    result = run("verify", "--median", "338")
    assert "cannot be recomputed" in result.stderr and "needs the data" in result.stderr


def test_large_tables_skip_the_unconditional_tests_and_say_so():
    [row] = verify("300/600,250/600").rows
    values = {t.test: t.p_value for t in row.tests}
    assert values["barnard"] is None and values["fisher"] is not None
    assert "200 patients" in row.warnings[0]


def test_verify_is_exported_and_its_frame_is_the_csv():
    result = ivig_blina.verify("14/17,4/6", "0.58")
    assert list(result.to_frame().columns) == result.columns()
