"""Writing results: atomic files that never replace an input, keep their mode, leave nothing
behind when a write is cut short."""

import os
import socket
import stat
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
