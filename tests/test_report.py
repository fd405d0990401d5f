"""``ivigblina report``: the three formats hold the same tables, every number equals the JSON
of ``compare`` (and ``table1``) on the same input, rounded as the report says; the sections
come in order; the files are safe (no script, nothing fetched, text from the file escaped) and
written atomically; errors exit as every command's do."""

from __future__ import annotations

import html
import io
import json
import math
import os
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, WO, assert_usage_error, run

from ivig_blina.analyses.results import format_p

SECTIONS = [
    "Record of the analysis",
    "Data",
    "Baseline characteristics",
    "Outcomes",
    "Time to infection",
    "Figures",
    "Methods",
    "Results",
    "Warnings",
]
WO_ARGS = ["--groups", "ivig,control", "--categorical", "ecog", "--today", "2024-05-01"]
FONT = "Times New Roman"


# --- reading the three formats back -----------------------------------------------------------


class Page(HTMLParser):
    """The parts of the report's HTML the tests read: section headings in order, each table
    (caption, header and body cells as (text, superscript mark)), the notes under each table,
    and every tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.tables: list[dict] = []
        self.tags: list[tuple[str, dict]] = []
        self.text_of: list[str] | None = None
        self.cell: list[str] | None = None
        self.mark: list[str] | None = None
        self.in_table = False
        self.section = ""
        self.svgs = 0
        self.in_svg = 0
        self.paragraphs: list[tuple[str, str]] = []  # (section, text)
        self.paragraph: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "svg":
            self.svgs += 1
            self.in_svg += 1
        if self.in_svg:
            return
        if tag == "section":
            self.section = attributes.get("id", "")
        elif tag == "h2":
            self.text_of = []
        elif tag == "table":
            self.tables.append({"section": self.section, "caption": "", "header": [], "rows": [], "notes": []})
            self.in_table = True
        elif tag == "caption":
            self.text_of = []
        elif tag == "tr" and self.in_table:
            self.row: list[tuple[str, str]] = []
        elif tag in ("td", "th") and self.in_table:
            self.cell, self.mark = [], []
        elif tag == "sup" and self.cell is not None:
            self.cell, self.outer = [], self.cell
        elif tag in ("p", "li"):
            self.paragraph = []
            self.note = attributes.get("class") == "note"

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg -= 1
            return
        if self.in_svg:
            return
        if tag == "h2":
            self.headings.append("".join(self.text_of or []))
            self.text_of = None
        elif tag == "caption":
            self.tables[-1]["caption"] = "".join(self.text_of or [])
            self.text_of = None
        elif tag == "sup" and self.cell is not None and hasattr(self, "outer"):
            self.mark = self.cell
            self.cell = self.outer
            del self.outer
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append(("".join(self.cell), "".join(self.mark or [])))
            self.cell = None
        elif tag == "tr" and self.in_table:
            table = self.tables[-1]
            (table["rows"] if table["header"] else table["header"]).append(self.row)
        elif tag == "table":
            self.in_table = False
            self.tables[-1]["header"] = self.tables[-1]["header"][0]
        elif tag in ("p", "li") and self.paragraph is not None:
            text = "".join(self.paragraph)
            self.paragraphs.append((self.section, text))
            if self.note and self.tables and self.tables[-1]["section"] == self.section:
                self.tables[-1]["notes"].append(text)
            self.paragraph = None

    def handle_data(self, data):
        if self.in_svg:
            return
        for collector in (self.text_of, self.cell, self.paragraph):
            if collector is not None:
                collector.append(data)


def read_html(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def docx_tables(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Every table of the .docx as rows of (text, superscript mark) cells."""
    import docx

    out = []
    for table in docx.Document(str(path)).tables:
        rows = []
        for row in table.rows:
            cells = []
            for cell in row.cells:
                runs = [r for p in cell.paragraphs for r in p.runs]
                text = "".join(r.text for r in runs if not r.font.superscript)
                mark = "".join(r.text for r in runs if r.font.superscript)
                cells.append((text, mark))
            rows.append(cells)
        out.append(rows)
    return out


def markdown_tables(text: str) -> list[list[list[tuple[str, str]]]]:
    """The pipe tables of the Markdown as rows of (text, mark) cells, unescaped."""
    tables, current = [], None
    for line in text.splitlines():
        if line.startswith("| "):
            if current is None:
                current = []
                tables.append(current)
            cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])
            row = []
            for cell in cells:
                cell = cell.strip().replace("&nbsp;", "")
                mark = re.search(r"<sup>(.*)</sup>$", cell)
                cell = re.sub(r"<sup>.*</sup>$", "", cell)
                row.append((html.unescape(re.sub(r"\\(.)", r"\1", cell)), mark.group(1) if mark else ""))
            current.append(row)
        elif line.startswith("|"):
            continue  # the alignment row
        else:
            current = None
    return tables


def html_rows(table: dict) -> list[list[tuple[str, str]]]:
    return [table["header"], *table["rows"]]


# --- numbers --------------------------------------------------------------------------------------


def number(text: str) -> float:
    text = text.replace("\u2212", "-").replace(",", "").rstrip("%")
    return {"∞": math.inf, "-∞": -math.inf}.get(text, None) or float(text)


def shows(text: str, exact: float | None, scale: float = 1.0) -> bool:
    """``text`` is ``exact`` (times ``scale``) rounded to the decimals ``text`` has."""
    if exact is None:
        return text in ("—", "not reached")
    if exact in ("Inf", "-Inf"):
        return number(text) == (math.inf if exact == "Inf" else -math.inf)
    shown = number(text)
    decimals = len(text.split(".")[1].rstrip("%")) if "." in text else 0
    return abs(shown - exact * scale) <= 0.5 * 10**-decimals * (1 + 1e-9) + 1e-12


def check_p(cell: str, p: float | None) -> None:
    assert cell == format_p(p)
    if p is not None and p >= 0.001:  # the rule, checked on its own: two significant digits, three near 0.05
        digits = len(cell.replace("0.", "").lstrip("0")) if "." in cell else 1
        assert shows(cell, p) and digits <= 3


SUMMARY = re.compile(r"^(\S+) \((\S+) to (\S+)\)(?:; n = (\d+))?$")
BINARY = re.compile(r"^(\d+)/(\d+) \((\S+)\)$")
TIME = re.compile(r"^(\d+)/(\d+) infected; median (?:(\S+) days|not reached)$")
RATE = re.compile(r"^([\d,]+) in (\S+) days \((\S+)\)$")
EFFECT = re.compile(r"^(OR|HR|RR|HL shift|MH OR|Mean difference|Median difference) (\S+) \((\S+) to (\S+)\)$")
INTERVAL = re.compile(r"^(\S+) \((\S+) to (.+)\)$")


# --- fixtures -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """The bundled example's report in the three formats, and the JSON of compare and table1."""
    folder = tmp_path_factory.mktemp("report")
    files = {}
    for suffix in ("html", "docx", "md"):
        path = folder / f"study.{suffix}"
        result = run("report", WO, "-o", path, *WO_ARGS)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
        files[suffix] = path
    compared = json.loads(run("compare", WO, "--groups", "ivig,control", "-f", "json", "-q").stdout)
    table1 = json.loads(
        run("table1", WO, "--groups", "ivig,control", "--categorical", "ecog", "-f", "json", "-q").stdout
    )
    return {**files, "compare": compared, "table1": table1, "folder": folder}


@pytest.fixture(scope="module")
def page(out) -> Page:
    return read_html(out["html"])


def table_of(page: Page, section: str) -> dict:
    return next(t for t in page.tables if t["section"] == section)


# --- structure ------------------------------------------------------------------------------------


def test_sections_come_in_the_issues_order(out, page):
    import docx

    assert page.headings == SECTIONS
    document = docx.Document(str(out["docx"]))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == SECTIONS
    markdown = out["md"].read_text(encoding="utf-8")
    assert re.findall(r"^## (.*)$", markdown, re.M) == SECTIONS
    assert markdown.startswith("# IgG courses and infection outcomes: ivig vs control\n")


def test_the_three_formats_hold_the_same_tables(out, page):
    from_html = [html_rows(t) for t in page.tables]
    assert docx_tables(out["docx"]) == from_html
    assert markdown_tables(out["md"].read_text(encoding="utf-8")) == from_html
    assert [t["caption"] for t in page.tables] == [
        "Table 1. Baseline characteristics",
        "Table 2. Outcomes by cohort",
        "Table 3. Time to first infection",
        "Table 4. Infection burden",
    ]


def test_every_outcome_cell_equals_compares_json(out, page):
    compared = out["compare"]
    table = table_of(page, "outcomes")
    header = [text for text, _ in table["header"]]
    assert header[:3] == ["Outcome", "ivig (n = 17)", "control (n = 6)"]
    assert header[3:] == ["Effect (95% CI)", "Risk difference, percentage points (95% CI)", "P"]
    assert len(table["rows"]) == len(compared["outcomes"])
    for row, o in zip(table["rows"], compared["outcomes"]):
        cells = [text for text, _ in row]
        for cell, g, size in zip(cells[1:3], ("ivig", "control"), (17, 6)):
            s = o["groups"][g]
            if o["kind"] == "continuous":
                median, q1, q3, n = SUMMARY.match(cell).groups()
                assert shows(median, s["median"]) and shows(q1, s["q1"]) and shows(q3, s["q3"])
                assert int(n or size) == s["n"]
            elif o["kind"] == "binary":
                events, n, pct = BINARY.match(cell).groups()
                assert (int(events), int(n)) == (s["events"], s["n"]) and shows(pct, s["proportion"], 100)
            elif o["kind"] == "time-to-event":
                events, n, median = TIME.match(cell).groups()
                assert (int(events), int(n)) == (s["events"], s["n"]) and shows(median, s["median"])
            else:
                episodes, days, rate = RATE.match(cell).groups()
                assert number(episodes) == s["episodes"] and shows(days, s["patient_days"])
                assert shows(rate, s["rate_per_100_patient_days"])
        name, estimate, low, high = EFFECT.match(cells[3]).groups()
        assert shows(estimate, o["estimate"]) and shows(low, o["ci_low"]) and shows(high, o["ci_high"])
        assert name == {"fisher": "OR", "log-rank": "HR", "poisson-exact": "RR", "mann-whitney": "HL shift"}[o["test"]]
        if o["kind"] == "binary":
            rd, rd_low, rd_high = INTERVAL.match(cells[4]).groups()
            assert shows(rd, o["risk_difference"], 100) and shows(rd_low, o["risk_difference_ci_low"], 100)
            assert shows(rd_high, o["risk_difference_ci_high"], 100)
        else:
            assert cells[4] == ""
        check_p(cells[5], o["p_value"])
        assert row[5][1] in "abcde" and row[5][1]  # each P names its test


def test_the_nadir_row_reads_as_the_issue_says(page):
    row = [text for text, _ in table_of(page, "outcomes")["rows"][0]]
    # R: wilcox.test(nadir_ivig, nadir_control, conf.int = TRUE) -> W, p = 0.6411, HL shift 47.5 (-101 to 179)
    assert row[:3] == ["IgG nadir, mg/dL", "338 (261.5 to 509.8); n = 16", "337 (281.5 to 388.8)"]
    assert row[5] == "0.64"


def test_table1_cells_equal_table1s_json(out, page):
    described = out["table1"]
    table = table_of(page, "table1")
    assert [text for text, _ in table["header"]] == [
        "Characteristic",
        "ivig (n = 17)",
        "control (n = 6)",
        "Overall (n = 23)",
        "P",
        "SMD",
    ]
    rows = iter(table["rows"])
    groups = ["ivig", "control", "overall"]
    for v in described["variables"]:
        row = next(rows)
        cells = [text for text, _ in row]
        check_p(cells[4], v["p_value"])
        assert shows(cells[5], v["smd"])
        if v["kind"] == "continuous":
            assert cells[0] == f"{v['variable']}, median (IQR)"
            for cell, g in zip(cells[1:4], groups):
                median, q1, q3, _ = SUMMARY.match(cell).groups()
                s = v["groups"][g]
                assert shows(median, s["median"]) and shows(q1, s["q1"]) and shows(q3, s["q3"])
        else:
            assert cells[0] == f"{v['variable']}, n (%)"
            for level in v["levels"]:
                cells = [text for text, _ in next(rows)]
                assert cells[0] == level["level"]
                for cell, g in zip(cells[1:4], groups):
                    count, pct = re.match(r"^(\d+) \((\S+)%\)$", cell).groups()
                    assert int(count) == level["groups"][g]["n"] and shows(pct, level["groups"][g]["percent"])
        if any(v["missing"].values()):
            cells = [text for text, _ in next(rows)]
            assert cells[0] == "missing" and [int(c) for c in cells[1:4]] == [v["missing"][g] for g in groups]
    assert next(rows, None) is None


def test_time_to_infection_cells_equal_compares_json(out, page):
    o = next(x for x in out["compare"]["outcomes"] if x["outcome"] == "time_to_infection")
    table = table_of(page, "time")
    assert [text for text, _ in table["header"]][3:] == [
        "Median, days (95% CI)",
        "Infection-free at day 30 (95% CI)",
        "Infection-free at day 90 (95% CI)",
        "Infection-free at day 180 (95% CI)",
    ]
    for row, g in zip(table["rows"], ("ivig", "control")):
        cells = [text for text, _ in row]
        s = o["groups"][g]
        assert cells[0] == g and int(cells[1]) == s["n"] and int(cells[2]) == s["events"]
        median, low, high = INTERVAL.match(cells[3]).groups()
        assert shows(median, s["median"]) and shows(low, s["median_ci_low"])
        assert high == "not reached" and s["median_ci_high"] is None  # R: survfit's upper limit is NA
        for cell, day in zip(cells[4:], (30, 90, 180)):
            estimate, low, high = INTERVAL.match(cell).groups()
            key = f"infection_free_d{day}"
            assert shows(estimate, s[key], 100) and shows(low, s[f"{key}_ci_low"], 100)
            assert shows(high, s[f"{key}_ci_high"], 100)
    notes = " ".join(table["notes"])
    assert f"Log-rank test: P = {format_p(o['p_value'])}; HR 1.6 (0.518 to 4.94), ivig over control." in notes


def test_each_table_has_notes_naming_its_tests(out, page):
    import docx

    outcomes = table_of(page, "outcomes")
    marks = {mark for row in outcomes["rows"] for _, mark in row if mark}
    notes = {n.split(": ", 1)[0]: n.split(": ", 1)[1] for n in outcomes["notes"] if re.match(r"^[a-z]: ", n)}
    assert set(notes) == marks
    assert notes["a"] == "Wilcoxon rank-sum exact test; Hodges-Lehmann shift with exact 95% CI (R wilcox.test)"
    assert notes["b"] == "Fisher's exact test; conditional MLE odds ratio with exact 95% CI (R fisher.test)"
    # in Word the notes are paragraphs right under each table
    document = docx.Document(str(out["docx"]))
    for table in document.tables:
        following = table._tbl.getnext()
        assert following is not None and following.tag.endswith("}p")
        assert "".join(following.itertext()).strip()


def test_methods_name_every_test_of_the_tables_and_no_other(out, page):
    methods = " ".join(text for section, text in page.paragraphs if section == "methods")
    named = set()
    for table in page.tables:
        for note in table["notes"]:
            if re.match(r"^[a-z]: ", note):
                named.add(re.split(r";| \(", note.split(": ", 1)[1])[0])
    assert named == {
        "Wilcoxon rank-sum exact test",
        "Wilcoxon rank-sum test with continuity correction",
        "Fisher's exact test",
        "Log-rank test",
        "Exact rate ratio test",
    }
    for name in named:
        assert name in methods
    for other in ("Welch", "Two-sample t test", "Brunner-Munzel", "permutation test", "Gray", "Kruskal-Wallis",
                  "chi-square", "Barnard", "Boschloo", "Mantel-Haenszel"):  # fmt: skip
        assert other not in methods
    assert "Newcombe" in methods and "Kaplan-Meier" in methods
    assert "Analyses used Python 3." in methods and "ivigblina 0.1.0" in methods and "scipy " in methods


def test_methods_of_a_file_without_covariates_name_only_the_outcome_tests(tmp_path):
    import pandas as pd

    plain = tmp_path / "plain.csv"
    pd.read_csv(WO)[["patient_id", "cohort", "day", "igg_mg_dl", "event"]].to_csv(plain, index=False)
    path = tmp_path / "plain.html"
    assert run("report", plain, "-o", path, "--groups", "ivig,control", "--no-figures", "-q").exit_code == 0
    page = read_html(path)
    assert "table1" not in [t["section"] for t in page.tables]
    assert page.headings == [s for s in SECTIONS if s not in ("Baseline characteristics", "Figures")]
    methods = " ".join(text for section, text in page.paragraphs if section == "methods")
    notes = [n for t in page.tables for n in t["notes"] if re.match(r"^[a-z]: ", n)]
    assert {re.split(r";| \(", n.split(": ", 1)[1])[0] for n in notes} == {
        "Wilcoxon rank-sum exact test",
        "Wilcoxon rank-sum test with continuity correction",
        "Fisher's exact test",
        "Log-rank test",
        "Exact rate ratio test",
    }
    assert "tableone" not in methods and "Table 1" not in methods and "matplotlib" not in methods


def test_results_sentences_carry_the_numbers(page):
    results = [text for section, text in page.paragraphs if section == "results"]
    assert results[0] == (
        "The median IgG nadir was 338 mg/dL (IQR 261.5 to 509.8) in ivig and 337 mg/dL (281.5 to 388.8) in control "
        "(P = 0.64; Hodges-Lehmann shift 48 mg/dL (95% CI −101 to 179)). With 16 and 6 patients, the study had 80% "
        "power (two-sided alpha 0.05) to detect a shift of 1.71 SD (Noether) and a Cohen's d of 1.41 (t-test)."
    )
    assert results[3] == (
        "Infection occurred in 14 of 17 patients (82.4%) in ivig and 4 of 6 (66.7%) in control (P = 0.58; odds ratio "
        "2.24 (95% CI 0.141 to 28.3); risk difference 15.7 percentage points (95% CI −17.6 to 54.1)). With 17 and 6 "
        "patients, the study had 80% power (two-sided alpha 0.05) to detect a proportion in ivig of 7.8% or below "
        "(against 66.7% in control)."
    )


def test_data_account_and_warnings_in_words(page):
    data = " ".join(text for section, text in page.paragraphs if section == "data")
    assert "372 rows read; 372 rows used." in data
    assert "23 patients in the file: control 6; ivig 17." in data
    assert "(no nadir; left out of the nadir outcomes, kept in the event outcomes): W17." in data
    assert "1 event(s) before day 0, not counted." in data
    assert "Hypogammaglobulinemia (HGG): a nadir below 400 mg/dL." in data
    warnings = [text for section, text in page.paragraphs if section == "warnings"]
    assert any(w.startswith("Ties: normal approximation") and "Days below the HGG threshold" in w for w in warnings)
    assert any("repeated episodes in one patient are not independent" in w for w in warnings)


def test_record_names_the_file_its_hash_and_the_options_changed(out, page):
    record = [text for section, text in page.paragraphs if section == "record"]
    assert f"SHA-256 of the input: {out['compare']['meta']['input_sha256']}" in record
    assert "categorical: ecog" in record and "today: 2024-05-01" in record
    assert not any(text.startswith(("adjust", "landmarks", "tests", "hgg-threshold")) for text in record)
    header = out["html"].read_text(encoding="utf-8").split("<section")[0]
    assert '<p class="byline">2024-05-01</p>' in header  # the date is --today's


# --- the files' safety ----------------------------------------------------------------------------


def test_html_runs_nothing_and_fetches_nothing(out, page):
    text = out["html"].read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    assert not re.search(r"https?:|//[a-z]", text.lower().replace("http-equiv", ""))
    for tag, attributes in page.tags:
        assert tag not in ("script", "link", "iframe", "object", "embed", "img")
        assert not any(k.startswith("on") for k in attributes)  # no event handlers
        for key in ("src", "href", "xlink:href"):
            assert attributes.get(key, "#").startswith("#")  # only references within the page
    csp = next(a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp["content"].startswith("default-src 'none'")
    assert page.svgs == 2  # both figures, inline
    ids = re.findall(r'\bid="([^"]+)"', text)
    assert len(ids) == len(set(ids))  # two figures' ids do not collide


def test_docx_reopens_with_one_font_no_shading_and_numbers_right_aligned(out):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document(str(out["docx"]))
    with zipfile.ZipFile(out["docx"]) as z:
        styles, body = z.read("word/styles.xml").decode(), z.read("word/document.xml").decode()
    for xml in (body,):
        assert "w:shd" not in xml and "Theme=" not in xml
    used = {p.style.name for p in document.paragraphs}
    for name in used | {"Normal"}:
        fonts = document.styles[name].element.rPr.rFonts
        assert {fonts.get(f"{{{fonts.nsmap['w']}}}{k}") for k in ("ascii", "hAnsi", "eastAsia", "cs")} == {FONT}
    assert set(re.findall(r'w:ascii="([^"]+)"', styles + body)) == {FONT}
    assert not re.search(r"w:(ascii|hAnsi)Theme=", body)
    outcomes = document.tables[1]
    for row in outcomes.rows[1:]:
        for cell in row.cells[1:]:
            assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert row.cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_docx_figures_are_300_dpi_png(out):
    import docx
    from PIL import Image

    document = docx.Document(str(out["docx"]))
    images = [r.target_part for r in document.part.rels.values() if "image" in r.reltype]
    assert len(images) == 2
    for part in images:
        assert part.content_type == "image/png"
        dpi = Image.open(io.BytesIO(part.blob)).info["dpi"]
        assert round(dpi[0]) == round(dpi[1]) == 300
    captions = [p.text for p in document.paragraphs if p.text.startswith("Figure ")]
    assert [c.split(".")[0] for c in captions] == ["Figure 1", "Figure 2"]


def test_markdown_figures_are_written_beside_it(out):
    from PIL import Image

    markdown = out["md"].read_text(encoding="utf-8")
    assert re.findall(r"!\[Figure \d\]\(([^)]+)\)", markdown) == ["study-figure-1.png", "study-figure-2.png"]
    for name in ("study-figure-1.png", "study-figure-2.png"):
        dpi = Image.open(out["folder"] / name).info["dpi"]
        assert round(dpi[0]) == 300
    assert not list(out["folder"].glob(".ivigblina-*"))  # no temporary file left


HOSTILE = (
    "patient_id,cohort,day,igg_mg_dl,event,site\n"
    'A,<script>alert(1)</script>,-1,900,,"=HYPERLINK(""x"")"\n'
    "A,<script>alert(1)</script>,10,300,,\n"
    "A,<script>alert(1)</script>,20,,infection,\n"
    'B,"a|b *x* [y](z) #h",-1,800,,"line\nbreak"\n'
    'B,"a|b *x* [y](z) #h",12,500,,\n'
    'B,"a|b *x* [y](z) #h",30,,"=cmd|\' /C calc\'!A0",\n'
    "C,<script>alert(1)</script>,-1,950,,p<b>q\n"
    "C,<script>alert(1)</script>,15,380,,\n"
    'D,"a|b *x* [y](z) #h",-2,990,,r\n'
    'D,"a|b *x* [y](z) #h",9,350,,\n'
)
SCRIPT, PIPES = "<script>alert(1)</script>", "a|b *x* [y](z) #h"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "hostile.csv"
    source.write_text(HOSTILE)
    out = {}
    for suffix in ("html", "docx", "md"):
        path = folder / f"hostile.{suffix}"
        result = run("report", source, "-o", path, "--groups", f"{SCRIPT},{PIPES}", "--no-figures", "-q")
        assert result.exit_code == 0, result.stderr
        out[suffix] = path
    return out


def test_hostile_text_is_shown_never_run_in_html(hostile):
    text = hostile["html"].read_text(encoding="utf-8")
    assert "<script" not in text.lower() and "<b>q" not in text
    page = read_html(hostile["html"])
    assert [t for t, _ in page.tags].count("a") == 0
    header = [cell for cell, _ in table_of(page, "outcomes")["header"]]
    assert header[1:3] == [f"{SCRIPT} (n = 2)", f"{PIPES} (n = 2)"]  # the names, as written
    labels = [row[0][0] for row in table_of(page, "outcomes")["rows"]]
    assert "=cmd|' /c calc'!a0" in labels  # an event label of the file (labels are read in lower case), as text
    levels = [row[0][0] for row in table_of(page, "table1")["rows"]]
    assert "line\\nbreak" in levels and "p<b>q" in levels  # a line break shown as its escape


def test_hostile_text_cannot_break_a_markdown_table(hostile):
    markdown = hostile["md"].read_text(encoding="utf-8")
    assert "<script" not in markdown and not re.search(r"(?<!\\)\]\(", markdown) and "\n#h" not in markdown
    tables = markdown_tables(markdown)
    for table in tables:
        assert len({len(row) for row in table}) == 1  # every row has the header's columns
    assert [c for c, _ in tables[1][0]][1:3] == [f"{SCRIPT} (n = 2)", f"{PIPES} (n = 2)"]


def test_hostile_text_in_word_is_text(hostile):
    tables = docx_tables(hostile["docx"])
    assert [c for c, _ in tables[1][0]][1:3] == [f"{SCRIPT} (n = 2)", f"{PIPES} (n = 2)"]
    levels = [row[0][0] for row in tables[0]]
    # Word refuses control characters: the line break is shown as its escape; a cell starting with
    # '=' is text in Word (it runs no formulas from document text), so it is kept as written
    assert "line\\nbreak" in levels and '=HYPERLINK("x")' in levels


# --- writing, errors and options ------------------------------------------------------------------


def test_a_failed_write_leaves_nothing(tmp_path, monkeypatch):
    import ivig_blina
    from ivig_blina.render.report import as_docx, build_report, write_report

    cohort = ivig_blina.load(str(WO), keep_rows=True)
    result = ivig_blina.compare(cohort, groups=("ivig", "control"))

    class Failing:
        """A figure whose second save fails (a full disk, say)."""

        saved = 0

        def savefig(self, target, **options):
            Failing.saved += 1
            if Failing.saved > 1:
                raise OSError(28, "No space left on device")
            Path(target).write_bytes(b"png")

    document = build_report(result, None, {"igg": Failing(), "infection": Failing()})
    with pytest.raises(ivig_blina.IvigBlinaError, match="No space left on device"):
        write_report(document, str(tmp_path / "study.md"))
    assert list(tmp_path.iterdir()) == []  # neither the .md, nor the first figure, nor a temporary file

    def broken(report, path):
        Path(path).write_bytes(b"half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(as_docx, "save_docx", broken)
    with pytest.raises(ivig_blina.IvigBlinaError):
        write_report(build_report(result), str(tmp_path / "study.docx"))
    assert list(tmp_path.iterdir()) == []


def test_the_input_file_is_never_overwritten(tmp_path):
    source = tmp_path / "cohort.html"
    source.write_text(WO.read_text())
    result = run("report", source, "-o", source, "--groups", "ivig,control", "--no-figures")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"ivigblina: error: {source}: refusing to overwrite the input file; choose another --output"
    ]
    assert source.read_text() == WO.read_text()


def test_bad_input_is_one_line_and_exit_1(write, tmp_path):
    path = write("patient_id,cohort,day,igg_mg_dl\nA,x,1,abc\nB,y,1,300\n")
    target = tmp_path / "r.html"
    result = run("report", path, "-o", target)
    assert result.exit_code == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "'abc' is not a number" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    "args, option",
    [
        (["-o", "study.pdf"], "--output"),
        (["-o", "study.html", "--alternative", "two.sided"], "--alternative"),
        (["-o", "study.html", "--exact"], "--exact"),
        (["-o", "study.html", "--confidence", "95"], "--confidence"),
        (["-o", "study.html", "--test", "continuous=nonesuch"], "--test"),
        ([], "--output"),
    ],
)
def test_bad_options_exit_2(args, option, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("report", WO, "--groups", "ivig,control", *args)
    assert_usage_error(result, option)
    assert not (tmp_path / "study.html").exists()


def test_report_takes_every_option_of_compare():
    import typer.main

    from ivig_blina.cli import app

    group = typer.main.get_command(app)
    compare = {p.name for p in group.commands["compare"].params} - {"format", "output"}
    report = {p.name for p in group.commands["report"].params}
    assert compare <= report
    assert {"title", "author", "no_figures", "covariates", "categorical", "patients", "mean"} <= report


def test_the_study_files_compare_section_then_report_section(tmp_path):
    study = tmp_path / "study.toml"
    study.write_text('groups = ["ivig", "control"]\n[compare]\nadjust = "holm"\n[report]\ntitle = "Mine"\n')
    path = tmp_path / "r.html"
    assert run("report", WO, "-o", path, "--config", study, "--no-figures", "-q").exit_code == 0
    page = read_html(path)
    assert "<title>Mine</title>" in path.read_text()
    assert [c for c, _ in table_of(page, "outcomes")["header"]][-1] == "P adjusted (holm)"
    study.write_text('[compare]\nadjust = "holm"\n[report]\nadjust = "bh"\n')
    assert (
        run("report", WO, "-o", path, "--config", study, "--groups", "ivig,control", "--no-figures", "-q").exit_code
        == 0
    )
    assert [c for c, _ in table_of(read_html(path), "outcomes")["header"]][-1] == "P adjusted (bh)"


def test_no_figures_and_a_missing_matplotlib(tmp_path, monkeypatch):
    import importlib.util

    import ivig_blina
    from ivig_blina.figures import report as figures_report

    cohort = ivig_blina.load(str(WO), keep_rows=True)
    result = ivig_blina.compare(cohort, groups=("ivig", "control"))
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "matplotlib" else real(name, *a))
    drawn = figures_report.report_figures(cohort, result.groups)
    assert drawn == {"igg": figures_report.NEEDS_MATPLOTLIB, "infection": figures_report.NEEDS_MATPLOTLIB}
    path = tmp_path / "r.html"
    document = ivig_blina.report(result, str(path), table1=False)
    figures = document.section("figures").blocks
    assert [f.missing for f in figures] == [figures_report.NEEDS_MATPLOTLIB] * 2
    text = path.read_text()
    assert "Figure 1 is not drawn: figures need matplotlib: pip install &#x27;ivig-blina[plot]&#x27;" in text
    assert "<svg" not in text


def three_cohorts():
    """A comparison of three cohorts with pairs, built by hand from typed results (the k-group
    statistics land on their own branch), over the bundled three-cohort file's cohort."""
    import ivig_blina
    from ivig_blina.analyses.results import (
        BinarySummary,
        Comparison,
        ContinuousSummary,
        OutcomeResult,
        PairResult,
    )
    from ivig_blina.stats import TestResult

    cohort = ivig_blina.load(str(ROOT / "examples" / "three_cohorts.csv"), keep_rows=True)
    groups = tuple(sorted(cohort.table.cohort.unique()))
    two = ivig_blina.compare(cohort, groups[:2])
    pairs = [(a, b) for i, a in enumerate(groups) for b in groups[i + 1 :]]

    def shift(estimate, p, adjusted):
        return TestResult(
            statistic=10.0,
            pvalue=p,
            estimate=estimate,
            ci=(estimate - 50, estimate + 70),
            estimand="Hodges-Lehmann shift (first minus second)",
            method="Wilcoxon rank-sum exact test",
        ), adjusted

    nadir = OutcomeResult(
        "igg_nadir",
        "continuous",
        "kruskal-wallis",
        {g: ContinuousSummary(10 + i, 300.0 + i, 250.0, 390.5) for i, g in enumerate(groups)},
        TestResult(statistic=2.5, pvalue=0.2865, method="Kruskal-Wallis rank-sum test (df = 2)"),
        pairwise=tuple(
            PairResult(a, b, "mann-whitney", *shift(12.5 * (i + 1), 0.01 * (i + 1), 0.03 * (i + 1)))
            for i, (a, b) in enumerate(pairs)
        ),
    )
    infection = OutcomeResult(
        "infection",
        "binary",
        "fisher",
        {g: BinarySummary(12, 3 + i, (3 + i) / 12) for i, g in enumerate(groups)},
        TestResult(statistic=None, pvalue=0.0004, method="Fisher's exact test (66 tables)"),
        pairwise=tuple(PairResult(a, b, "fisher", None, warnings=("a group is empty; no test",)) for a, b in pairs),
    )
    options = {**two.options, "pairwise": True, "pairwise_adjust": "holm", "tests": {}}
    meta = {**two.meta, "options": {**two.meta["options"], "groups": list(groups), "pairwise": True}}
    return cohort, Comparison(groups, [nadir, infection], options=options, cohort=cohort, meta=meta)


def test_three_cohorts_pairs_and_models():
    """More than two cohorts: the omnibus P per outcome and a table of the pairs; and a model
    table from a hand-built ModelResult (the models land with their own issue)."""
    from dataclasses import replace

    from ivig_blina.analyses.results import ModelResult, ModelTerm
    from ivig_blina.figures.report import report_figures
    from ivig_blina.render.report import build_report

    cohort, result = three_cohorts()
    model = ModelResult(
        "time_to_infection_adjusted",
        "Surv(time, status) ~ cohort + age",
        40,
        25,
        (ModelTerm("cohort=b", 0.5, 0.25, 1.0, 0.049), ModelTerm("age", 1.02, 0.99, 1.05, 0.0004)),
        "Cox model, Efron ties",
    )
    result = replace(result, models=(model,))
    document = build_report(result, None, report_figures(cohort, result.groups))
    tables = {t.key: t for t in document.tables()}
    a, b, c = result.groups
    assert [x.text for x in tables["outcomes"].header] == [
        "Outcome",
        f"{a} (n = 12)",
        f"{b} (n = 12)",
        f"{c} (n = 12)",
        "P",
    ]
    assert [x.text for x in tables["outcomes"].rows[0]] == [
        "IgG nadir, mg/dL", "300 (250 to 390.5); n = 10", "301 (250 to 390.5); n = 11", "302 (250 to 390.5)", "0.29"
    ]  # fmt: skip
    assert [x.text for x in tables["outcomes"].rows[1]][1:] == [
        "3/12 (25.0%)",
        "4/12 (33.3%)",
        "5/12 (41.7%)",
        "<0.001",
    ]
    pairs = tables["pairs"]
    assert [x.text for x in pairs.header] == ["Outcome", "Pair", "Effect (95% CI)", "P", "P adjusted (holm)"]
    assert [[x.text for x in row] for row in pairs.rows[:3]] == [
        ["IgG nadir, mg/dL", f"{a} vs {b}", "HL shift 12.5 (−37.5 to 82.5)", "0.01", "0.03"],
        ["IgG nadir, mg/dL", f"{a} vs {c}", "HL shift 25.0 (−25.0 to 95.0)", "0.02", "0.06"],
        ["IgG nadir, mg/dL", f"{b} vs {c}", "HL shift 38 (−12 to 108)", "0.03", "0.09"],  # decimals of 108
    ]
    assert [x.text for x in pairs.rows[3]][2:] == ["", "—", "—"]  # no test: the warning says why
    model_table = tables["model_time_to_infection_adjusted"]
    assert [[x.text for x in row] for row in model_table.rows] == [
        ["cohort=b", "0.5 (0.25 to 1)", "0.049"],
        ["age", "1.02 (0.99 to 1.05)", "<0.001"],
    ]
    assert model_table.notes == ("Surv(time, status) ~ cohort + age; Cox model, Efron ties. 40 patients, 25 events.",)
    figures = document.section("figures").blocks
    assert figures[1].missing is None  # three curves, with the log-rank P across the three cohorts
    assert figures[1].caption.endswith("the log-rank P across the 3 cohorts, and the numbers at risk beneath.")
    methods = " ".join(p.text for p in document.section("methods").blocks)
    assert "Model time_to_infection_adjusted: Surv(time, status) ~ cohort + age" in methods
    assert "Kruskal-Wallis rank-sum test" in methods and "by Holm's method" in methods
    assert "Pairs of cohorts on IgG nadir" in methods
    results = [p.text for p in document.section("results").blocks]
    assert "(Kruskal-Wallis rank-sum test P = 0.29)" in results[0]
    warnings = [i for blocks in document.section("warnings").blocks for i in blocks.items]
    assert (
        f"A group is empty; no test. (Infection ({a} vs {b}); Infection ({a} vs {c}); Infection ({b} vs {c}))"
        in warnings
    )


def test_from_python_the_same_report(tmp_path, monkeypatch):
    import doctest

    import ivig_blina
    from ivig_blina import manuscript

    monkeypatch.chdir(ROOT)
    failed, attempted = doctest.testmod(manuscript)
    assert attempted and not failed
    cohort = ivig_blina.load(str(WO), keep_rows=True, all_covariates=True)
    result = ivig_blina.compare(cohort, groups=("ivig", "control"))
    document = ivig_blina.report(result, str(tmp_path / "study.docx"), figures=False, title="From Python")
    assert document.title == "From Python" and (tmp_path / "study.docx").exists()
    assert [s.key for s in document.sections] == [
        "record", "data", "table1", "outcomes", "time", "methods", "results", "warnings"
    ]  # fmt: skip


def test_numbers_are_rounded_as_the_module_says():
    from ivig_blina.render.report.numbers import difference, p_sentence, percent, ratio, value

    assert [value(x) for x in (338.0, 261.5, 509.75, 3491.2, 9.99996, -6.21e-05)] == [
        "338", "261.5", "509.8", "3,491", "10", "\u22120.0000621"
    ]  # fmt: skip
    assert difference(-6.21e-05, -39.9, 32.9) == ("0.0", "\u221239.9 to 32.9")  # never "-0.0"
    assert ratio(1.51, 0.107, math.inf) == ("1.51", "0.107 to ∞")
    assert percent(0.82352) == "82.4%"
    assert (p_sentence(0.64), p_sentence(0.0004), p_sentence(0.0496)) == ("P = 0.64", "P < 0.001", "P = 0.0496")


# --- a real browser and a real office suite (skipped, saying so, where they are not installed) -----

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


def test_ci_has_the_browser_and_the_office_suite():
    """.ci/run installs them and sets IVIGBLINA_REQUIRE_OFFICE=1: there, the tests below may not skip."""
    if os.environ.get("IVIGBLINA_REQUIRE_OFFICE") != "1":
        pytest.skip("IVIGBLINA_REQUIRE_OFFICE is not 1: the browser and office tests may skip here")
    assert CHROMIUM and SOFFICE and PDFTOTEXT, "chromium, soffice and pdftotext must be installed"


def screenshot(page: Path, shot: Path, width: int, profile: Path) -> str:
    """Headless Chromium's screenshot of ``page`` at ``width`` pixels; its log (console messages)."""
    result = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            f"--window-size={width},1600",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert shot.exists(), result.stderr
    return result.stderr


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package chromium)")
@pytest.mark.parametrize("width", [1200, 390])  # a desktop and a phone
def test_a_browser_shows_the_html_without_an_error(out, tmp_path, width):
    from PIL import Image, ImageStat

    log = screenshot(out["html"], tmp_path / "shot.png", width, tmp_path / "profile")
    assert ":CONSOLE" not in log  # no script error, no blocked load: the page asked for nothing
    image = Image.open(tmp_path / "shot.png").convert("L")
    low, high = image.getextrema()
    assert low < 64 and high > 192  # dark text on a light page
    assert 0.02 < 1 - ImageStat.Stat(image).mean[0] / 255 < 0.5  # ink, but not a black page


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package chromium)")
def test_the_browser_check_sees_a_page_that_runs_or_fetches(tmp_path):
    from ivig_blina.render.report.as_html import CSP

    bad = tmp_path / "bad.html"
    bad.write_text(
        f'<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="{CSP}"><p>x</p>'
        '<script>console.log("ran")</script><img src="http://example.invalid/x.png">'
    )
    log = screenshot(bad, tmp_path / "shot.png", 400, tmp_path / "profile")
    assert ":CONSOLE" in log and "blocked" in log


@pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice or pdftotext is not installed (Debian packages libreoffice-writer-nogui, poppler-utils)",
)
def test_libreoffice_opens_the_docx_and_every_heading_is_in_its_pdf(out, tmp_path):
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out["docx"]),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    pdf = tmp_path / "study.pdf"
    assert pdf.exists()
    text = subprocess.run([str(PDFTOTEXT), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for heading in SECTIONS:
        assert heading in text
    assert "Table 2. Outcomes by cohort" in text and "Figure 2." in text


def test_competing_risk_landmark_day_and_burden_windows(tmp_path):
    args = ["--groups", "ivig,control", "--competing-risk", "--landmark-day", "30", "--burden", "--adjust", "holm"]
    path = tmp_path / "cr.html"
    assert run("report", WO, "-o", path, *args, "--no-figures", "-q").exit_code == 0
    compared = json.loads(run("compare", WO, *args, "-f", "json", "-q").stdout)
    by_name = {o["outcome"]: o for o in compared["outcomes"]}
    page = read_html(path)
    tables = [t for t in page.tables if t["section"] == "time"]
    assert [t["caption"] for t in tables] == [
        "Table 3. Time to first infection",  # after Table 1 and the outcomes
        "Table 4. Time to first infection from day 30",
        "Table 5. Infection burden",
    ]
    for table, name in zip(tables[:2], ("time_to_infection", "time_to_infection_landmark")):
        o = by_name[name]
        assert [c for c, _ in table["header"]][3:] == [
            "Competing deaths",
            *(f"Cumulative incidence at day {d} (SE)" for d in (30, 90, 180)),
        ]
        for row, g in zip(table["rows"], ("ivig", "control")):
            cells = [c for c, _ in row]
            assert int(cells[3]) == o["groups"][g]["competing_events"]
            for cell, day in zip(cells[4:], (30, 90, 180)):
                estimate, se = re.match(r"^(\S+) \((\S+)\)$", cell).groups()
                assert shows(estimate, o["groups"][g][f"cuminc_d{day}"], 100)
                assert shows(se, o["groups"][g][f"cuminc_d{day}_se"], 100)
        assert f"Gray's test (competing risks): P = {format_p(o['p_value'])}." in table["notes"]
    burden = tables[2]
    assert [row[0][0] for row in burden["rows"]][:5] == [
        "Infection episodes per 100 patient-days",
        "Infection episodes per 100 patient-days, days 0 to 28",
        "Infection episodes per 100 patient-days, days 28 to 90",
        "Infection episodes per 100 patient-days, days 90 to 180",
        "Infection episodes per 100 patient-days, after day 180",
    ]
    for row, name in zip(burden["rows"], ("infection_rate", "infection_rate_0_28", "infection_rate_28_90")):
        check_p(row[-1][0], by_name[name]["p_adjusted"])
    record = [text for section, text in page.paragraphs if section == "record"]
    assert {"adjust: holm", "competing-risk: true", "landmark-day: 30", "windows: 28,90,180"} <= set(record)
    data = " ".join(text for section, text in page.paragraphs if section == "data")
    assert "a death without an earlier infection is a competing event" in data
    assert "Infection burden windows: days 0 to 28; days 28 to 90; days 90 to 180; after day 180" in data


def test_results_say_what_the_study_could_have_detected(tmp_path):
    import ivig_blina
    from ivig_blina.analyses.power import with_mde
    from ivig_blina.render.report.prose import detectable_sentence

    result = with_mde(ivig_blina.compare(ivig_blina.load(str(WO)), groups=("ivig", "control")))
    infection = next(o for o in result.outcomes if o.outcome == "infection")
    fisher = next(d for d in infection.mde if d.method is not None)
    sentence = detectable_sentence(infection, result)
    assert sentence.startswith("With 17 and 6 patients, the study had 80% power (two-sided alpha 0.05)")
    assert f"a proportion in ivig of {100 * fisher.mde_low:.1f}% or below" in sentence
    time = next(o for o in result.outcomes if o.outcome == "time_to_infection")
    schoenfeld = next(d for d in time.mde if d.method is not None)
    assert f"{schoenfeld.mde_low:.3g} or below or {schoenfeld.mde_high:.3g} or above" in detectable_sentence(
        time, result
    )
    out = tmp_path / "study.md"
    done = run("report", WO, "--groups", "ivig,control", "--no-figures", "-q", "-o", out)
    assert done.exit_code == 0, done.stderr
    assert sentence in out.read_text()


def test_the_data_account_names_the_cohorts_by_their_labels(tmp_path):
    out = tmp_path / "study.md"
    args = ("--groups", "ivig,control", "--labels", "ivig=IVIG prophylaxis", "--no-figures", "-q", "-o", out)
    assert run("report", WO, *args).exit_code == 0
    account = next(line for line in out.read_text().splitlines() if "patients in the file:" in line)
    assert "IVIG prophylaxis 17" in account and "control 6" in account
    assert "ivig 17" not in account


def test_infections_by_pathogen_are_a_table_of_the_breakdown(tmp_path):
    graded = ROOT / "examples" / "graded_infections.csv"
    document = json.loads(run("compare", graded, "--groups", "ivig,control", "--burden", "-f", "json", "-q").stdout)
    out = tmp_path / "study.md"
    args = ("--groups", "ivig,control", "--burden", "--labels", "ivig=IVIG", "--no-figures", "-q", "-o", out)
    assert run("report", graded, *args).exit_code == 0
    text = out.read_text()
    assert "| Pathogen | IVIG | control |" in text
    for entry in document["infection_breakdown"]:
        ivig, control = (entry["groups"][g] for g in ("ivig", "control"))
        row = f"| {entry['pathogen']} | {ivig['episodes']} "
        assert row in text, row
        assert f"| {control['episodes']} (" in text.split(row, 1)[1].splitlines()[0]
