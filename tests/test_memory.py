"""The memory budget: what the process may use (cgroup or physical memory) and sizes as options."""

import os
import subprocess
import sys

import pytest

from ivig_blina.cohort.options import parse_size
from ivig_blina.errors import OptionError
from ivig_blina.io import memory

PHYSICAL = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def _cgroup(tmp_path, files: dict[str, str], own: str) -> tuple[str, str]:
    root = tmp_path / "cgroup"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    (tmp_path / "own").write_text(own)
    return str(root), str(tmp_path / "own")


@pytest.mark.parametrize(
    "files, own, expected",
    [
        ({}, "0::/\n", PHYSICAL),  # no cgroup files: the physical memory
        ({"user.slice/job/memory.max": "1073741824\n"}, "0::/user.slice/job\n", 1 << 30),  # cgroup v2, own group
        ({"memory.max": "max\n"}, "0::/\n", PHYSICAL),  # v2 without a limit
        (
            {"memory/docker/abc/memory.limit_in_bytes": "2147483648\n"},
            "4:memory:/docker/abc\n3:cpu:/x\n",
            2 << 30,
        ),  # v1
        ({"memory/memory.limit_in_bytes": "9223372036854771712\n"}, "4:memory:/\n", PHYSICAL),  # v1's "no limit"
    ],
)
def test_available_memory_is_the_cgroup_limit_else_the_physical_memory(files, own, expected, tmp_path):
    root, own_path = _cgroup(tmp_path, files, own)
    assert memory.available(root, own_path) == min(expected, PHYSICAL)


def test_the_default_budget_is_half_the_available_memory():
    assert memory.budget(None) == memory.available() // 2
    assert memory.budget(12345) == 12345


@pytest.mark.parametrize(
    "text, size",
    [
        ("4G", 4 << 30),
        ("512M", 512 << 20),
        ("1.5GiB", 3 << 29),
        ("2gb", 2 << 30),
        ("1000", 1000),
        ("64 K", 64 << 10),
        ("1T", 1 << 40),
        (None, None),
        (77, 77),
    ],
)
def test_sizes(text, size):
    assert parse_size("max_memory", text) == size


@pytest.mark.parametrize("text", ["lots", "0", "-1G", "1.2.3G", "", "4X"])
def test_a_malformed_size_names_the_option(text):
    with pytest.raises(OptionError, match="max_memory: expected a size"):
        parse_size("max_memory", text)


def test_sizes_for_people():
    assert [memory.size_text(n) for n in (512, 2048, 3 << 20, 11.75 * (1 << 30))] == [
        "512 bytes",
        "2 KiB",
        "3 MiB",
        "11.8 GiB",
    ]


def test_the_need_of_csv_text_is_its_bytes_and_lines():
    """Calibrated by benchmarks/memory_model.py (see memory.py): a line and a byte of text."""
    assert memory.csv_need(0, 0) == 0
    assert memory.csv_need(1_000, 10) == int(1_000 * memory.CSV_BYTES_PER_BYTE + 10 * memory.CSV_BYTES_PER_LINE)
    short, wide = memory.csv_need(25_000_000, 1_000_000), memory.csv_need(225_000_000, 1_000_000)
    assert short / 25_000_000 > 5 and wide / 225_000_000 < 3  # a short line costs more per byte


@pytest.mark.parametrize(
    "head, size, lines",
    [
        (b"a,b\n1,2\n", 8, 2),  # the whole text: counted
        (b"a,b\n1,2", 7, 2),  # a last line without its line break counts
        (b"", 0, 0),
        (b"x" * 9 + b"\n", 1_000, 100),  # estimated from the head's line length
        (b"x" * 10, 1_000, 100),  # no line break in the head: one line of its length
    ],
)
def test_lines_are_counted_in_the_head_and_estimated_beyond_it(head, size, lines):
    assert memory.lines_in(size, head) == lines


SMALL_PAGES = """
import ctypes, sys
from ivig_blina.io.memory import small_pages
flag = lambda: ctypes.CDLL(None).prctl(42, 0, 0, 0, 0)  # PR_GET_THP_DISABLE (inherited from the parent)
before = flag()
print(small_pages(sys.argv[1]), before, flag())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_THP_DISABLE is Linux's")
@pytest.mark.parametrize(
    "setting, small",
    [
        ("always defer defer+madvise [madvise] never", True),  # a fault may compact memory first
        ("[always] defer defer+madvise madvise never", True),
        ("always defer [defer+madvise] madvise never", True),
        ("always [defer] defer+madvise madvise never", False),  # huge pages without stalls: kept
        ("always defer defer+madvise madvise [never]", False),
        ("", False),  # an unreadable setting: nothing changes
    ],
)
def test_small_pages_where_a_huge_page_fault_may_stall(tmp_path, setting, small):
    defrag = tmp_path / "defrag"
    defrag.write_text(setting + "\n")
    done = subprocess.run([sys.executable, "-c", SMALL_PAGES, str(defrag)], capture_output=True, text=True, check=True)
    chosen, before, after = done.stdout.split()
    assert chosen == str(small)
    assert after == ("1" if small else before)


def test_commands_that_read_data_ask_for_small_pages(monkeypatch):
    from conftest import run

    asked = []
    monkeypatch.setattr(memory, "small_pages", lambda: asked.append(True))
    assert run("nadir", "examples/wo2022_cohort.csv", "-q").exit_code == 0
    assert asked == [True]
