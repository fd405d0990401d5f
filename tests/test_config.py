"""The study file (--config): any option of any command, top level or per command, the
command line winning; the awkward-export example analysed with one command."""

import hashlib
import json

import pytest
from conftest import ROOT, WO, run

MRN = (
    "MRN,cohort,day,igg_mg_dl,event\nA,ivig,0,900,\nA,ivig,10,300,\nA,ivig,20,,infection\nB,control,0,800,\n"
    "B,control,12,500,\n"
)


@pytest.fixture
def study(tmp_path):
    def write(text: str) -> str:
        path = tmp_path / "study.toml"
        path.write_text(text)
        return str(path)

    return write


def test_the_awkward_export_gives_the_clean_files_results_with_one_command(monkeypatch):
    monkeypatch.chdir(ROOT)
    awkward = run("compare", "examples/hospital_export.csv", "--config", "examples/hospital_study.toml", "-f", "json")
    assert awkward.exit_code == 0, awkward.stderr
    clean = json.loads(run("compare", WO, "--groups", "ivig,control", "-f", "json", "-q").stdout)
    document = json.loads(awkward.stdout)
    assert document["outcomes"] == clean["outcomes"]
    assert document["input"] == clean["input"]
    assert document["meta"]["config"] == "examples/hospital_study.toml"
    assert (
        document["meta"]["config_sha256"]
        == hashlib.sha256((ROOT / "examples" / "hospital_study.toml").read_bytes()).hexdigest()
    )
    assert document["meta"]["options"]["patient_col"] == "MRN"
    assert "compared as outcomes of their own" not in awkward.stderr


def test_top_level_keys_reach_every_command_that_takes_them(write, study):
    path = write(MRN)
    config = study('patient-col = "MRN"\nquiet = true\nlandmarks = [30, 60]\n')
    nadir = run("nadir", path, "--config", config, "-f", "csv")  # nadir has no --landmarks: ignored by it
    assert nadir.exit_code == 0 and nadir.stderr == ""
    document = json.loads(run("compare", path, "-f", "json", "--config", config).stdout)
    assert document["meta"]["options"]["landmarks"] == [30.0, 60.0]


def test_a_section_wins_over_the_top_level_and_the_command_line_over_both(write, study):
    path = write(MRN)
    config = study('patient-col = "MRN"\nformat = "csv"\n[compare]\nformat = "json"\ngroups = ["ivig", "control"]\n')
    assert json.loads(run("compare", path, "--config", config, "-q").stdout)["groups"] == ["ivig", "control"]
    assert run("nadir", path, "--config", config, "-q").stdout.startswith("patient_id,cohort,")
    overridden = run("compare", "--config", config, path, "-q", "--groups", "control,ivig", "-f", "jsonl")
    assert json.loads(overridden.stdout.splitlines()[0])["group_a"] == "control"


@pytest.mark.parametrize(
    "text, message",
    [
        ("bogus = 1\n", "'bogus' is not an option of any command"),
        ("[compare]\nbogus = 1\n", "[compare] 'bogus' is not an option of compare"),
        ("[summary]\nformat = 'json'\n", "[summary] is not a command; sections:"),
        ("[report]\nformat = 'json'\n", "[report] 'format' is not an option of report"),
        ("[plot.igg]\nlandmarks = '30'\n", "[plot.igg] 'landmarks' is not an option of plot igg"),
        ("patient-col = \n", "not a TOML study file"),
    ],
)
def test_a_bad_study_file_is_one_line_exit_2(write, study, text, message):
    config = study(text)
    result = run("compare", write(MRN), "--config", config)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"ivigblina: error: {config}: ") and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_missing_study_file(write, tmp_path):
    result = run("nadir", write(MRN), "--config", str(tmp_path / "none.toml"))
    assert result.exit_code == 2 and "cannot read the study file" in result.stderr


def test_a_bad_value_in_the_study_file_is_the_options_usage_error(write, study):
    result = run("compare", write(MRN), "--config", study('patient-col = "MRN"\nconfidence = 95\n'))
    assert result.exit_code == 2 and "--confidence" in result.stderr
