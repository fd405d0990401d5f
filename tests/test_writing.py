"""Writing results: atomic files that never replace an input, keep their mode, leave nothing
behind when a write is cut short."""

import os
import signal
import socket
import stat
import subprocess
import sys
import threading

import pytest

from ivig_blina.errors import IvigBlinaError
from ivig_blina.io.writing import save_atomically, write_atomically


def test_any_of_several_inputs_is_refused(tmp_path):
    inputs = [tmp_path / "part-1.csv", tmp_path / "part-2.csv"]
    for path in inputs:
        path.write_text("data\n")
    os.symlink(inputs[1], tmp_path / "link.csv")  # the same file by another name
    for target in (inputs[1], tmp_path / "link.csv"):
        with pytest.raises(IvigBlinaError, match="refusing to overwrite the input file"):
            write_atomically(str(target), "result\n", [str(p) for p in inputs])
    assert [p.read_text() for p in inputs] == ["data\n", "data\n"]
    write_atomically(str(tmp_path / "out.csv"), "result\n", [str(p) for p in inputs] + ["-"])
    assert (tmp_path / "out.csv").read_text() == "result\n"


def test_one_input_given_as_a_string_is_still_one_path(tmp_path):
    source = tmp_path / "cohort.csv"
    source.write_text("data\n")
    with pytest.raises(IvigBlinaError, match="refusing to overwrite"):
        save_atomically(str(source), lambda temporary: open(temporary, "w").close(), str(source))


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_a_replaced_file_keeps_its_mode(tmp_path, mode):
    """Issue 13, item 9: a 0600 file was rewritten 0644."""
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    target.chmod(mode)
    write_atomically(str(target), "new\n")
    assert target.read_text() == "new\n" and stat.S_IMODE(target.stat().st_mode) == mode


def test_a_new_file_follows_the_umask(tmp_path):
    previous = os.umask(0o027)
    try:
        write_atomically(str(tmp_path / "out.csv"), "new\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "out.csv").stat().st_mode) == 0o640


@pytest.fixture
def dev_null(tmp_path):
    """A character device like /dev/null: a node of its own where one can be made (root), so that
    a broken implementation replaces this one, not the system's; else /dev/null itself, which
    only root could replace."""
    path = tmp_path / "null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        open(path, "w").close()  # a file system mounted nodev refuses to open it
    except OSError:
        if os.geteuid() == 0:
            pytest.skip("cannot make a device node here, and as root the test could replace /dev/null")
        return os.devnull
    return str(path)


def test_a_character_device_is_written_through(dev_null):
    write_atomically(dev_null, "result\n")
    assert stat.S_ISCHR(os.stat(dev_null).st_mode)


def test_a_fifo_is_written_through_never_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    write_atomically(str(fifo), ["result\n", "more\n"])
    reader.join(10)
    assert received == ["result\nmore\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode) and [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(path))
        with pytest.raises(IvigBlinaError, match="is neither a regular file, a pipe nor a character device"):
            write_atomically(str(path), "result\n")
    assert stat.S_ISSOCK(path.stat().st_mode)


def test_output_to_dev_null_from_the_command(dev_null):
    from conftest import WO, run

    result = run("nadir", WO, "-q", "-f", "csv", "-o", dev_null)
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == ""
    assert stat.S_ISCHR(os.stat(dev_null).st_mode)


SIGNALLED_WRITE = """
import os, signal, sys
from ivig_blina.io.writing import save_atomically

if sys.argv[3] == "ignored":
    signal.signal(int(sys.argv[2]), signal.SIG_IGN)  # as nohup leaves SIGHUP


def save(temporary):
    with open(temporary, "w") as f:
        f.write("half")
    os.kill(os.getpid(), int(sys.argv[2]))
    with open(temporary, "a") as f:
        f.write(" and the rest")

save_atomically(sys.argv[1], save)
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGALRM", "SIGINT"])  # SIGINT: as before
def test_a_terminating_signal_leaves_no_temporary_file(tmp_path, name):
    """Issue 13, item 10: SIGTERM or SIGHUP during a write left .ivigblina-XXXX.csv behind."""
    signum = getattr(signal, name)
    done = subprocess.run(
        [sys.executable, "-c", SIGNALLED_WRITE, str(tmp_path / "out.csv"), str(signum), "default"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == -signum, done.stderr  # killed by the signal, as without the clean-up
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("core")) == []


def test_an_ignored_signal_stays_ignored(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", SIGNALLED_WRITE, str(tmp_path / "out.csv"), str(int(signal.SIGHUP)), "ignored"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.csv").read_text() == "half and the rest"


def test_the_handlers_are_put_back_after_the_write(tmp_path):
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    write_atomically(str(tmp_path / "out.csv"), "result\n")
    assert {s: signal.getsignal(s) for s in before} == before


def test_sigterm_during_the_command_s_write_leaves_nothing(tmp_path):
    """The command writing a CSV to -o, terminated after its first piece."""
    from conftest import WO

    code = (
        "import os, signal, sys\n"
        "import ivig_blina.render.text as text\n"
        "chunks = text.frame_chunks\n"
        "def killed(*args, **kwargs):\n"
        "    for i, chunk in enumerate(chunks(*args, **kwargs)):\n"
        "        yield chunk\n"
        "        os.kill(os.getpid(), signal.SIGTERM)\n"
        "text.frame_chunks = killed\n"
        "sys.argv = ['ivigblina'] + sys.argv[1:]\n"
        "from ivig_blina.cli import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "nadir", str(WO), "-q", "-f", "csv", "-o", str(tmp_path / "out.csv")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGTERM, done.stderr
    assert list(tmp_path.iterdir()) == []
