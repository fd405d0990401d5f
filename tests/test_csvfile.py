"""Reading the bytes of a cohort file: header, limits, bytes that are not text."""

import io
import time

import pandas as pd
import pytest
from conftest import WO, run

from ivig_blina.errors import IvigBlinaError
from ivig_blina.io.csvfile import Dialect, read_table


def wide(columns: int, duplicate: bool = False) -> str:
    names = [f"c{i}" for i in range(columns)] + (["c0"] if duplicate else [])
    return "patient_id,cohort,day,igg_mg_dl," + ",".join(names) + "\nA,x,1,300" + "," * len(names) + "\n"


def test_the_header_check_is_linear(tmp_path):
    """Issue 13, item 3: 100,000 columns took 71 s (``h in header[:i]`` for every column)."""
    path = tmp_path / "wide.csv"
    path.write_text(wide(100_000, duplicate=True))
    started = time.perf_counter()
    result = run("nadir", path, "--max-columns", "200000")
    assert result.exit_code == 1 and "column 'c0' appears twice in the header" in result.stderr
    assert time.perf_counter() - started < 10  # about 0.3 s; the quadratic check took minutes


def test_more_columns_than_max_columns_is_refused(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(wide(10_001))
    result = run("nadir", path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"ivigblina: error: {path}:1: the header has 10005 columns, more than the limit of 10000 (--max-columns)\n"
    )
    assert run("nadir", path, "--max-columns", "10005", "-q", "-f", "csv").exit_code == 0
    assert run("nadir", path, "--max-columns", "0").exit_code == 2


def test_max_columns_holds_for_parquet(tmp_path):
    path = tmp_path / "wide.parquet"
    pd.DataFrame({"patient_id": ["A"], "day": ["1"], "igg_mg_dl": ["300"], "note": ["x"]}).to_parquet(path)
    with pytest.raises(IvigBlinaError, match="the header has 4 columns, more than the limit of 3"):
        read_table(str(path), lambda header: header[:3], Dialect(max_columns=3))


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_a_nul_byte_anywhere_is_refused_with_its_line(tmp_path, encoding):
    """Issue 13, item 15: only the first 64 KiB were checked; a NUL later reached an ID and the output."""
    rows = "".join(f"P{i:05d},x,{i % 30},{300 + i % 50}\n" for i in range(5000))  # about 100 KB
    path = tmp_path / "cohort.csv"
    path.write_bytes(("patient_id,cohort,day,igg_mg_dl\n" + rows).encode() + b"P\x00X,x,1,300\n")
    result = run("nadir", path, "-f", "csv", "--encoding", encoding)
    assert result.exit_code == 1 and result.stdout == ""
    hint = "; give a CSV file, or its --encoding if it is UTF-16" if encoding == "utf-8" else ""
    assert result.stderr == f"ivigblina: error: {path}:5002: a NUL byte: this is not a text file{hint}\n"


def test_utf16_without_its_encoding_gets_the_hint(tmp_path):
    path = tmp_path / "cohort.csv"
    path.write_bytes("patient_id,cohort,day,igg_mg_dl\nA,x,1,300\n".encode("utf-16"))
    assert (
        f"{path}:1: a NUL byte: this is not a text file; give a CSV file, or its --encoding if it is UTF-16"
        in run("nadir", path).stderr
    )
    assert run("nadir", path, "--encoding", "utf-16", "-q").exit_code == 0


# Issue 13, item 6: Parquet files that are damaged or hold what a CSV file cannot.


def _parquet(tmp_path, name: str = "cohort.parquet", **columns):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / name
    pq.write_table(pa.table(columns), path)
    return path


def _parquet_text(path) -> str:
    result = run("nadir", path, "-f", "csv", "-q", "--today", "2025-01-01")
    assert result.exit_code == 0, result.stderr
    return result.stdout


IDS, COHORTS, DAYS, IGG = ["A", "A", "B", "B"], ["x", "x", "y", "y"], [0, 10, 0, 10], [500.0, 300.0, 400.0, 350.0]


def test_a_damaged_parquet_file_is_one_line(tmp_path):
    """A flipped bit once gave pyarrow's 'Index not in dictionary bounds' as a traceback."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = pd.read_csv(WO, dtype=str, keep_default_na=False)
    good = _parquet(tmp_path, **{c: frame[c].tolist() for c in frame}).read_bytes()
    for at in range(len(good)):  # the first flip that pyarrow reads as an index out of its dictionary
        damaged = bytearray(good)
        damaged[at] ^= 0x01
        try:
            pq.ParquetFile(pa.BufferReader(bytes(damaged))).read()
        except pa.ArrowInvalid as e:
            if "Index not in dictionary bounds" in str(e):
                break
        except (pa.ArrowException, OSError):
            pass
    else:
        pytest.fail("no flip gives the error of the issue")
    path = tmp_path / "damaged.parquet"
    path.write_bytes(bytes(damaged))
    result = run("nadir", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"ivigblina: error: {path}: is not a readable Parquet file (Index not in dictionary bounds)\n"
    )


def test_no_flipped_bit_of_a_parquet_file_is_a_traceback(tmp_path):
    """Every fourth byte of a small file flipped in turn: each read gives a cohort or one error."""
    import ivig_blina

    good = _parquet(
        tmp_path,
        patient_id=IDS * 3,
        cohort=COHORTS * 3,
        day=DAYS * 3,
        igg_mg_dl=IGG * 3,
        event=["", "infection", "", "death"] * 3,
    ).read_bytes()
    path = tmp_path / "flipped.parquet"
    outcomes = set()
    for at in range(0, len(good), 4):
        damaged = bytearray(good)
        damaged[at] ^= 0x10
        path.write_bytes(bytes(damaged))
        try:
            ivig_blina.load(str(path), today="2025-01-01")
            outcomes.add("read")
        except ivig_blina.IvigBlinaError as e:
            assert "\n" not in str(e) and "\\n" not in str(e)
            outcomes.add("refused")
    assert outcomes == {"read", "refused"}


@pytest.mark.parametrize(
    "column, values, message",
    [
        (
            "igg_mg_dl",
            [[1.0], [2.0], [3.0], [4.0]],
            "column 'igg_mg_dl': holds list<element: double> values, not one "
            "value per cell; give this column as text, numbers or dates",
        ),
        (
            "cohort",
            [{"a": 1}] * 4,
            "column 'cohort': holds struct<a: int64> values, not one value per cell; give "
            "this column as text, numbers or dates",
        ),
    ],
)
def test_parquet_lists_and_structs_are_refused_naming_the_column(column, values, message, tmp_path):
    columns = {"patient_id": IDS, "cohort": COHORTS, "day": DAYS, "igg_mg_dl": IGG, column: values}
    path = _parquet(tmp_path, **columns)
    result = run("nadir", path)
    assert result.exit_code == 1 and result.stderr == f"ivigblina: error: {path}: {message}\n"


def test_a_parquet_map_column_is_refused(tmp_path):
    import pyarrow as pa

    events = pa.array([[("k", 1)]] * 4, pa.map_(pa.string(), pa.int64()))
    path = _parquet(tmp_path, patient_id=IDS, cohort=COHORTS, day=DAYS, igg_mg_dl=IGG, event=events)
    result = run("nadir", path)
    assert result.exit_code == 1 and "column 'event': holds map<string, int64" in result.stderr


@pytest.mark.parametrize("kind", ["binary", "string"])
def test_parquet_bytes_that_are_not_utf8_are_named_by_row(kind, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    if kind == "binary":
        path = _parquet(
            tmp_path, patient_id=pa.array([b"A", b"A", b"B\xff", b"B"]), cohort=COHORTS, day=DAYS, igg_mg_dl=IGG
        )
    else:  # a text column whose bytes were damaged: Parquet's reader does not check them
        path = tmp_path / "cohort.parquet"
        pq.write_table(
            pa.table(
                {"patient_id": ["AAAA", "AAAA", "BBBB", "BBBB"], "cohort": COHORTS, "day": DAYS, "igg_mg_dl": IGG}
            ),
            path,
            compression="none",
            use_dictionary=False,
            write_statistics=False,
        )
        data = bytearray(path.read_bytes())
        data[data.find(b"BBBB")] = 0xFF
        path.write_bytes(bytes(data))
    result = run("nadir", path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"ivigblina: error: {path}:3: column 'patient_id': byte 0xff is not UTF-8 text; a "
        "Parquet text column holds UTF-8\n"
    )


def test_a_parquet_nan_is_a_missing_value_not_the_text_nan(tmp_path):
    """A NaN float patient ID became the patient "nan"; pandas writes a missing IgG on an event row as NaN."""
    nan = float("nan")
    path = _parquet(tmp_path, patient_id=[1.0, 1.0, nan, 2.0], cohort=COHORTS, day=DAYS, igg_mg_dl=IGG)
    result = run("nadir", path)
    assert result.exit_code == 1
    assert result.stderr == f"ivigblina: error: {path}:3: column 'patient_id': patient ID is empty\n"
    events = _parquet(
        tmp_path,
        "events.parquet",
        patient_id=IDS,
        cohort=COHORTS,
        day=DAYS,
        igg_mg_dl=[500.0, nan, 400.0, 350.0],
        event=[None, "infection", None, None],
    )
    rows = list(pd.read_csv(io.StringIO(_parquet_text(events))).itertuples())
    assert (rows[0].patient_id, rows[0].nadir_igg, rows[0].infection) == ("A", 500.0, True)


def test_parquet_timestamps_with_a_zone_are_read_as_written_in_that_zone(tmp_path):
    """As an ISO string with an offset in a CSV file: the date and time as written in its zone."""
    import datetime as dt

    import pyarrow as pa

    utc = dt.UTC
    for zone, offset in (("UTC", "Z"), ("Asia/Kolkata", "+05:30")):
        moments = [dt.datetime(2024, 1, 1, tzinfo=utc), dt.datetime(2024, 1, 11, 20, tzinfo=utc)] * 2
        path = _parquet(
            tmp_path,
            f"{zone.replace('/', '-')}.parquet",
            patient_id=IDS,
            cohort=COHORTS,
            date=pa.array(moments, pa.timestamp("us", tz=zone)),
            start_date=pa.array([moments[0]] * 4, pa.timestamp("us", tz=zone)),
            igg_mg_dl=IGG,
        )
        written = [
            m.astimezone(dt.timezone(dt.timedelta(hours=5, minutes=30)) if zone != "UTC" else utc) for m in moments
        ]
        text = "".join(
            f"{i},{c},{m.isoformat().replace('+00:00', 'Z')},{written[0].isoformat()},{v}\n"
            for i, c, m, v in zip(IDS, COHORTS, written, IGG)
        )
        csv_path = tmp_path / f"{zone.replace('/', '-')}.csv"
        csv_path.write_text("patient_id,cohort,date,start_date,igg_mg_dl\n" + text)
        assert offset in csv_path.read_text()
        assert _parquet_text(path) == _parquet_text(csv_path)


def test_a_parquet_duration_day_is_a_number_of_days(tmp_path):
    import pyarrow as pa

    seconds = pa.array([d * 86400 for d in DAYS], pa.duration("s"))
    days = pd.read_csv(
        io.StringIO(_parquet_text(_parquet(tmp_path, patient_id=IDS, cohort=COHORTS, day=seconds, igg_mg_dl=IGG)))
    )
    assert days.nadir_day.tolist() == [10.0, 10.0]


@pytest.mark.parametrize("categories", [1, 126, 127, 128, 32766, 32767, 40000])
def test_codes_are_made_in_the_type_pandas_keeps_them_in(categories):
    """The dictionary columns' codes are written straight into pandas' code type, so that the
    Categorical takes them without a copy."""
    import numpy as np

    from ivig_blina.io.encode import code_type

    codes = np.zeros(3, code_type(categories))
    made = pd.Categorical.from_codes(codes, pd.Index(np.arange(categories).astype(str)), validate=False)
    assert made.codes.dtype == codes.dtype


@pytest.mark.parametrize("fast_path", [True, False])
def test_distinct_categories_make_the_type_pandas_would_check(fast_path, monkeypatch):
    """Padded and bare IDs merge into one category after trimming; the type of the distinct
    categories is the one pandas makes when it checks them (also without its private fast path)."""
    import numpy as np
    import pyarrow as pa

    from ivig_blina.io import csvfile
    from ivig_blina.io.csvfile import _categorical, _distinct_dtype

    assert csvfile._FAST_DTYPE is not None  # pandas 2.1-3.1 have it
    if not fast_path:
        monkeypatch.setattr(csvfile, "_FAST_DTYPE", None)
    ids = pa.array([" P2", "P1", "P2", "P3 ", "P1"])
    made = _categorical(ids, np.arange(2, 7), max_field=100, name="f.csv", h="patient_id")
    assert made.equals(pd.Categorical(["P2", "P1", "P2", "P3", "P1"], categories=["P2", "P1", "P3"]))
    categories = pd.Index(["b", "a", "c"], dtype=object)
    assert _distinct_dtype(categories) == pd.CategoricalDtype(categories)


def test_ids_without_padding_keep_arrows_strings_as_categories():
    """A plain column (the IDs) that trimming leaves as it is keeps its distinct strings in
    Arrow (no Python object made for each); the values are those of the other path."""
    import numpy as np
    import pyarrow as pa

    from ivig_blina.io.csvfile import _categorical

    ids = pa.array(["P2", "P1", "P2", "P3", "P1"])
    made = _categorical(ids, np.arange(2, 7), max_field=100, name="f.csv", h="patient_id")
    assert made.categories.dtype == "str"
    assert made.categories.tolist() == ["P2", "P1", "P3"] and made.codes.tolist() == [0, 1, 0, 2, 1]
    padded = _categorical(pa.array([" P2", "P1"]), np.arange(2, 4), max_field=100, name="f.csv", h="patient_id")
    assert padded.categories.tolist() == ["P2", "P1"]  # merged by pandas: its own categories
