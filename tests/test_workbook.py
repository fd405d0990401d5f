"""Excel workbooks (.xlsx): the first sheet or --sheet, dates stored as Excel dates, numeric IDs,
and the same results as the CSV the sheet holds."""

import datetime as dt
import json

import pytest
from conftest import run

openpyxl = pytest.importorskip("openpyxl")

HEADER = ["MRN", "cohort", "date", "start_date", "IgG (g/L)", "event"]
START = dt.datetime(2024, 1, 30)
ROWS = [
    [1001, "ivig", START - dt.timedelta(days=3), START, 9.5, None],
    [1001, "ivig", START + dt.timedelta(days=14), None, 3.8, None],
    [1001, "ivig", START + dt.timedelta(days=20), None, None, "Infection"],
    [1002, "control", START, START, 8.0, None],
    [1002, "control", START + dt.timedelta(days=12), None, 5.1, None],
]
CSV = (
    "MRN,cohort,date,start_date,IgG (g/L),event\n1001,ivig,2024-01-27,2024-01-30,9.5,\n"
    "1001,ivig,2024-02-13,,3.8,\n1001,ivig,2024-02-19,,,Infection\n1002,control,2024-01-30,2024-01-30,8,\n"
    "1002,control,2024-02-11,,5.1,\n"
)
OPTIONS = ["--patient-col", "MRN", "--igg-col", "IgG (g/L)", "-f", "json", "-q"]


def workbook(path, sheets):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return str(path)


def test_a_workbook_gives_the_results_of_its_csv(tmp_path, write):
    path = workbook(tmp_path / "export.xlsx", {"Labs": [HEADER, *ROWS]})
    from_excel = run("compare", path, *OPTIONS)
    assert from_excel.exit_code == 0, from_excel.stderr
    from_csv = json.loads(run("compare", write(CSV), *OPTIONS).stdout)
    assert json.loads(from_excel.stdout)["outcomes"] == from_csv["outcomes"]
    nadir = json.loads(run("nadir", path, *OPTIONS).stdout)
    assert [(r["patient_id"], r["nadir_igg"], r["nadir_day"]) for r in nadir] == [
        ("1002", 510.0, 12.0),
        ("1001", 380.0, 14.0),
    ]


def test_the_sheet_is_chosen_and_a_missing_one_named(tmp_path):
    path = workbook(tmp_path / "export.xlsx", {"Notes": [["nothing here"]], "Labs": [HEADER, *ROWS]})
    first = run("nadir", path, *OPTIONS)
    assert first.exit_code == 1 and "missing column 'mrn'" in first.stderr
    assert run("nadir", path, *OPTIONS, "--sheet", "Labs").exit_code == 0
    missing = run("nadir", path, *OPTIONS, "--sheet", "Lab")
    assert missing.exit_code == 1
    assert missing.stderr == f"ivigblina: error: {path}: has no sheet 'Lab' (sheets: Notes, Labs); give --sheet\n"


def test_a_bad_value_names_the_sheets_row(tmp_path):
    rows = [HEADER, *ROWS[:3], [1002, "control", START, START, "abc", None]]
    path = workbook(tmp_path / "export.xlsx", {"Labs": rows})
    result = run("nadir", path, *OPTIONS)
    assert result.stderr == f"ivigblina: error: {path}:5: column 'igg (g/l)': 'abc' is not a number\n"


def test_a_zip_that_is_not_a_workbook(tmp_path):
    import zipfile

    path = tmp_path / "export.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    result = run("nadir", str(path))
    assert result.exit_code == 1 and result.stderr.startswith(f"ivigblina: error: {path}: is not a readable Excel")
