"""The README's set-up commands, CI, and the generated examples."""

import subprocess
import sys

from conftest import ROOT


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "ivigblina compare examples/wo2022_cohort.csv" in block[0]
    assert block[1] in (ROOT / ".ci" / "run").read_text().splitlines()


def test_examples_are_regenerated_byte_for_byte(tmp_path):
    script = (ROOT / "examples" / "make_examples.py").read_text()
    (tmp_path / "make_examples.py").write_text(script)
    subprocess.run([sys.executable, str(tmp_path / "make_examples.py")], check=True)
    generated = ("wo2022_cohort.csv", "patient.csv", "hospital_export.csv", "hospital_study.toml")
    for name in (*generated, "graded_infections.csv"):
        assert (tmp_path / name).read_bytes() == (ROOT / "examples" / name).read_bytes(), name
