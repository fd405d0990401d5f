"""Write the corpus of bad and awkward input files (synthetic) and say what each must give.

    python tests/data/make_corpus.py

``BAD``: file name, contents, extra options, and the exact error after ``ivigblina: error: PATH``.
``AWKWARD``: file name, contents, extra options, and per patient the expected
``(nadir_igg, nadir_day, nadir_censored, hgg)``, plus a text the stderr summary must hold.
tests/test_corpus.py runs every case through ``ivigblina nadir``.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent / "corpus"
HEAD = "patient_id,cohort,day,igg_mg_dl,event\n"

BAD = [
    (
        "binary.csv",
        b"\x00\x01\x02\x03\xff\xfe" * 20,
        [],
        ":1: a NUL byte: this is not a text file; give a CSV file, or its --encoding if it is UTF-16",
    ),
    (
        "workbook.csv",
        b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40,
        [],
        ": is a zip archive (an Excel .xlsx file is one), not a CSV file; name it .xlsx if it is a workbook, or save "
        "it as CSV (UTF-8)",
    ),
    (
        "latin1.csv",
        (HEAD + "A,x,5,300,\nJos\xe9,y,5,300,\n").encode("latin-1"),
        [],
        ":3: byte 0xe9 is not UTF-8 text; give the file's encoding with --encoding (e.g. --encoding latin-1) "
        "or save it as UTF-8",
    ),
    (
        "long_field.csv",
        (HEAD + "A,x,5,300,\n" + "B" * 20000 + ",y,5,300,\n").encode(),
        [],
        ":3: column 'patient_id': a field of 20000 characters is longer than the limit of 10000 (--max-field-size)",
    ),
    (
        "short_row.csv",
        (HEAD + "A,x,5,300,\nB,y,5,300\n").encode(),
        [],
        ":3: expected 5 fields as in the header, found 4",
    ),
    ("long_row.csv", (HEAD + "A,x,5,300,,extra\n").encode(), [], ":2: expected 5 fields as in the header, found 6"),
    ("blank_id.csv", (HEAD + "A,x,5,300,\n ,y,5,300,\n").encode(), [], ":3: column 'patient_id': patient ID is empty"),
    (
        "typo_label.csv",
        (HEAD + "A,x,5,300,\nA,x,9,,infecton\n").encode(),
        [],
        ":3: column 'event': event 'infecton' is not a known label; did you mean infection?",
    ),
    (
        "plural_label.csv",
        (HEAD + "A,x,5,300,\nA,x,9,,Infections\n").encode(),
        [],
        ":3: column 'event': event 'infections' is not a known label; did you mean infection?",
    ),
    (
        "old_date.csv",
        b"patient_id,date,start_date,igg_mg_dl\nA,1899-12-31,1899-12-01,300\n",
        [],
        ":2: column 'date': '1899-12-31' is before 1900",
    ),
    (
        "future_date.csv",
        b"patient_id,date,start_date,igg_mg_dl\nA,2026-12-01,2026-11-01,300\n",
        ["--today", "2026-11-25"],
        ":2: column 'date': '2026-12-01' is after today (2026-11-25; --today sets it)",
    ),
    (
        "far_day.csv",
        (HEAD + "A,x,5,300,\nA,x,40000,200,\n").encode(),
        [],
        ":3: column 'day': day 40000 is more than 36500 days from the first dose",
    ),
    ("twice.csv", b"patient_id,day,Day,igg_mg_dl\nA,1,1,300\n", [], ":1: column 'day' appears twice in the header"),
    (
        "decimal_comma_unasked.csv",
        b"patient_id;day;igg_g_l\nA;5;3,38\n",
        [],
        ":2: column 'igg_g_l': '3,38' is not a number (decimal comma? give --decimal ,)",
    ),
    (
        "negative.csv",
        (HEAD + "A,x,5,-3,\n").encode(),
        [],
        ":2: column 'igg_mg_dl': '-3' is negative; IgG must be 0 or more",
    ),
    (
        "strict_duplicate.csv",
        (HEAD + "A,x,5,300,\nA,x,5,300,\n").encode(),
        ["--strict"],
        ":3: a duplicate row (--strict refuses every skipped row and input warning)",
    ),
    (
        "strict_after_death.csv",
        (HEAD + "A,x,10,500,\nA,x,40,,death\nA,x,60,,infection\n").encode(),
        ["--strict"],
        ":4: an event after the patient's death (--strict refuses every skipped row and input warning)",
    ),
    (
        "two_cohorts.csv",
        (HEAD + "A,x,5,300,\nB,,5,300,\nA,y,9,200,\n").encode(),
        [],  # B has no cohort at all
        ":4: column 'cohort': patient 'A' is in cohort 'y' here but in 'x' earlier; a patient belongs to one cohort",
    ),
    (
        "no_start_date.csv",
        b"patient_id,cohort,date,start_date,igg_mg_dl\nA,x,,,300\n",
        [],
        ":2: column 'start_date': patient 'A' has no start_date; give it on at least one of its rows",
    ),
    # Issue 12: dates that are not ISO 8601 say which format the file follows, when it settles it.
    (
        "day_first.csv",
        b"patient_id,date,start_date,igg_mg_dl\nA,02/01/2024,01/01/2024,300\nA,31/01/2024,,280\n",
        [],
        ":2: column 'date': '02/01/2024' is not an ISO 8601 date (YYYY-MM-DD); the file's dates read day first: "
        "give --date-format %d/%m/%Y",
    ),
    (
        "ambiguous_date.csv",
        b"patient_id,date,start_date,igg_mg_dl\nA,02.01.2024,01.01.2024,300\n",
        [],
        ":2: column 'date': '02.01.2024' is not an ISO 8601 date (YYYY-MM-DD); no date in the file has a day above 12, "
        "so day-first and month-first cannot be told apart: give --date-format %d.%m.%Y or %m.%d.%Y",
    ),
    (
        "partial_date.csv",
        b"patient_id,date,start_date,igg_mg_dl\nA,2024-02,2024-01-05,300\n",
        [],
        ":2: column 'date': '2024-02' is a partial date; give the day (YYYY-MM-DD)",
    ),
    (
        "wrong_date_format.csv",
        b"patient_id,date,start_date,igg_mg_dl\nA,2024-01-09,2024-01-05,300\n",
        ["--date-format", "%d/%m/%Y"],
        ":2: column 'date': '2024-01-09' does not follow --date-format %d/%m/%Y",
    ),
    (
        "units_contradicted.csv",
        b"patient_id,day,IgG (g/L)\nA,5,3.8\n",
        ["--igg-col", "IgG (g/L)", "--units", "mg/dL"],
        ":1: column 'igg (g/l)': the header says the IgG values are in g/L; --units mg/dL contradicts it (leave "
        "--units out, or rename the column)",
    ),
    (
        "unit_unstated.csv",
        b"patient_id,day,IgG\nA,5,3.8\nA,9,4.4\n",
        ["--igg-col", "IgG"],
        ": column 'igg': values look like g/L (median 3.8), not mg/dL; give --units g/L",
    ),
]

AWKWARD = [
    # Excel on Windows: BOM, CRLF, quoted fields, spaces and capitals in headers, blank lines.
    (
        "excel_export.csv",
        b'\xef\xbb\xbf Patient_ID , Cohort ,DAY, IgG_mg_dL ,Event\r\n"A 1",ivig,-3,"900",\r\n\r\n'
        b'"A 1", ivig ,10, 420 ,\r\n"A 1",ivig,30,380,\r\nB,control,12,350,\r\n,,,,\r\nB,control,20,,"Infection"\r\n',
        [],
        {"A 1": (380.0, 30.0, "", True), "B": (350.0, 12.0, "", True)},
        "2 blank rows skipped",
    ),
    # European export: semicolons and decimal commas, g/L.
    (
        "european.csv",
        b"patient_id;cohort;day;igg_g_l\nA;ivig;-2;9,50\nA;ivig;14;3,38\nA;ivig;28;4,10\n",
        ["--decimal", ","],
        {"A": (338.0, 14.0, "", True)},
        "3 rows read, 3 used",
    ),
    (
        "tabs.tsv",
        b"patient_id\tcohort\tday\tigg_mg_dl\nA\tivig\t7\t512\nA\tivig\t21\t488\n",
        [],
        {"A": (488.0, 21.0, "", False)},
        "2 rows read",
    ),
    # Censored lab values: "<40" is taken as 40 and flagged; a nadir "<X" with X at the threshold is HGG.
    (
        "censored.csv",
        (HEAD + "A,x,5,<400,\nA,x,9,450,\nB,y,5,> 1600,\nB,y,20,1700,\n").encode(),
        [],
        {"A": (400.0, 5.0, "<", True), "B": (1600.0, 5.0, ">", False)},
        "2 censored IgG values",
    ),
    # The same value plain and censored on one day: "<X" ranks below X, X below ">X", in any row order.
    (
        "censored_tie.csv",
        (HEAD + "B,y,5,400,\nA,x,10,400,\nA,x,10,<400,\nB,y,5,>400,\n").encode(),
        [],
        {"A": (400.0, 10.0, "<", True), "B": (400.0, 5.0, "", False)},
        "2 censored IgG values",
    ),
    # Exact duplicates dropped and counted; two values on one day both kept, the lower is the nadir.
    (
        "duplicates.csv",
        (HEAD + "A,x,5,300,\nA,x,5,300,\nA,x,9,310,\nA,x,9,290,\n").encode(),
        [],
        {"A": (290.0, 9.0, "", True)},
        "1 duplicate row skipped; 1 patient-day with two different IgG values",
    ),
    (
        "latin1_declared.csv",
        (HEAD + "Jos\xe9,x,5,300,\n").encode("latin-1"),
        ["--encoding", "latin-1"],
        {"Jos\xe9": (300.0, 5.0, "", True)},
        "1 row read",
    ),
    (
        "utf16.csv",
        (HEAD + "A,x,5,300,\n").encode("utf-16"),
        ["--encoding", "utf-16"],
        {"A": (300.0, 5.0, "", True)},
        "1 row read",
    ),
    # Issue 12: a hospital export's own column names, day-first dates and a g/L header.
    (
        "hospital_export.csv",
        b"MRN;Arm;Sample date;Start;IgG (g/L);Event\nA;ivig;31/01/2024;30/01/2024;9,5;\n"
        b"A;ivig;14/02/2024;;3,8;\nA;ivig;20/02/2024;;;Infection\n",
        [
            "--patient-col",
            "MRN",
            "--cohort-col",
            "Arm",
            "--date-col",
            "Sample date",
            "--start-date-col",
            "Start",
            "--igg-col",
            "IgG (g/L)",
            "--event-col",
            "Event",
            "--date-format",
            "%d/%m/%Y",
            "--decimal",
            ",",
        ],
        {"A": (380.0, 15.0, "", True)},
        "3 rows read, 3 used",
    ),
    # A time zone's date and time are taken as written.
    (
        "time_zones.csv",
        b"patient_id,date,start_date,igg_mg_dl\nA,2024-01-10T00:00:00Z,2024-01-05,300\n"
        b"A,2024-01-12T00:00:00+05:00,,280\n",
        [],
        {"A": (280.0, 7.0, "", True)},
        "2 rows read",
    ),
]


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for name, content, *_ in BAD + AWKWARD:
        (HERE / name).write_bytes(content)


if __name__ == "__main__":
    main()
