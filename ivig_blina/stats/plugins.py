"""Third-party statistics: finding installed ones without importing them, running their code
(import, ``run``) so that nothing it does escapes as a traceback or lands on stdout, and
checking what they return.

An installed plug-in is found through its package's ``entry_points.txt`` (the group
:data:`ENTRY_POINT_GROUP`) and imported only when its statistic is asked for. The working
directory, which ``python -m`` and ``python -c`` put first on ``sys.path``, is not searched for
installed packages: a ``*.dist-info`` folder in a download directory is not an installation.
"""

from __future__ import annotations

import contextlib
import math
import numbers
import os
import sys
import threading
from collections.abc import Iterator
from typing import Any

from ivig_blina.errors import IvigBlinaError, OptionError

ENTRY_POINT_GROUP = "ivig_blina.statistics"


def search_path() -> list[str]:
    """``sys.path`` without the working directory that ``python -m`` (as an absolute path) or
    ``python -c`` (as ``''``) put first, unless that directory is a site-packages directory
    (a user who runs the tool from inside one)."""
    try:
        here = os.path.realpath(os.getcwd())
    except OSError:  # the working directory was removed: nothing to leave out
        return [entry for entry in sys.path if entry not in ("", ".")]
    import site

    sites = {os.path.realpath(d) for d in [*site.getsitepackages(), site.getusersitepackages()]}
    return [entry for entry in sys.path if os.path.realpath(entry or ".") != here or here in sites]


def may_declare_plugins(path: list[str] | None = None) -> bool:
    """False only when no installed distribution can declare the entry-point group: no
    ``entry_points.txt`` of a ``*.dist-info`` or ``*.egg-info`` directory on ``path`` (default:
    :func:`search_path`) names it. importlib.metadata costs ~12 ms of every command's start-up
    (importing it and parsing every distribution's metadata); this look costs ~1 ms. Anything
    it cannot read (a zip archive on the path, a meta path finder that lists distributions)
    counts as yes."""
    from importlib.machinery import PathFinder

    if any(hasattr(f, "find_distributions") for f in sys.meta_path if f is not PathFinder):
        return True
    for folder in search_path() if path is None else path:
        folder = folder or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return True
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        infos = [n for n in names if n.lower().endswith((".dist-info", ".egg-info"))]
        if folder.lower().endswith(".egg"):
            infos.append("EGG-INFO")
        for info in infos:
            try:
                with open(os.path.join(folder, info, "entry_points.txt"), encoding="utf-8", errors="replace") as f:
                    if ENTRY_POINT_GROUP in f.read():
                        return True
            except OSError:  # none, or an .egg-info file
                continue
    return False


def installed() -> Iterator[tuple[str, Any, str]]:
    """``(name, entry point, origin)`` of every statistic installed packages declare, none of
    them imported. A distribution found twice on the path counts once (the first), as
    ``importlib.metadata.entry_points`` does."""
    path = search_path()
    if not may_declare_plugins(path):
        return
    import re
    from importlib.metadata import distributions

    seen = set()
    for dist in distributions(path=path):
        name = dist.metadata["Name"] or ""
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        seen.add(key)
        for ep in dist.entry_points.select(group=ENTRY_POINT_GROUP):
            yield ep.name, ep, f"package {name or ep.value}"


_redirect = threading.Lock()
_redirected: list = []  # the real sys.stdout, once for each plug-in's code running now


@contextlib.contextmanager
def _stdout_to_stderr():
    """``sys.stdout`` is ``sys.stderr`` while any plug-in's code runs, in any thread (plug-ins
    that say they are ``concurrent_safe`` run two at a time; contextlib's redirect_stdout,
    entered by two threads at once, can restore the wrong stream)."""
    with _redirect:
        _redirected.append(sys.stdout if not _redirected else _redirected[0])
        sys.stdout = sys.stderr
    try:
        yield
    finally:
        with _redirect:
            real = _redirected.pop()
            if not _redirected:
                sys.stdout = real


@contextlib.contextmanager
def plugin_code(what: str):
    """Run a plug-in's code (its import, ``run``): what it prints goes to stderr, never into the
    data on stdout, and any ``Exception`` or ``SystemExit`` it raises is one line, ``what:
    Type: text`` (a KeyboardInterrupt stays one). An :class:`OptionError` passes: it is the
    caller's bad option, checked before the plug-in runs."""
    try:
        with _stdout_to_stderr():
            yield
    except OptionError:
        raise
    except (Exception, SystemExit) as e:
        text = str(e)
        raise IvigBlinaError(f"{what}: {type(e).__name__}" + (f": {text}" if text else "")) from None


def check_result(result: Any, who: str):
    """``result`` if it is a valid :class:`~ivig_blina.stats.TestResult`, else an error naming
    ``who``: a P value in [0, 1] or None, real numbers (or None) elsewhere, infinite ends
    allowed, an interval with low <= high, warnings as a tuple of texts."""
    from ivig_blina.stats import TestResult

    if not isinstance(result, TestResult):
        raise IvigBlinaError(f"{who} returned {type(result).__name__}, not a TestResult")

    def bad(field: str, expected: str) -> IvigBlinaError:
        return IvigBlinaError(f"{who} returned {field} = {getattr(result, field)!r}; expected {expected}")

    def real(x: Any) -> bool:
        return isinstance(x, numbers.Real) and not isinstance(x, bool)

    p = result.pvalue
    if p is not None and not (real(p) and 0 <= p <= 1):  # NaN fails the comparison too
        raise bad("pvalue", "a P value between 0 and 1, or None when no test could be run")
    for field in ("statistic", "estimate"):
        if getattr(result, field) is not None and not real(getattr(result, field)):
            raise bad(field, "a number or None")
    if result.ci is not None:
        low, high = result.ci
        if not (real(low) and real(high)) or math.isnan(low) or math.isnan(high):
            raise bad("ci", "(low, high) numbers; an open end is infinite")
        if low > high:
            raise bad("ci", "low <= high")
    for field in ("estimand", "method"):
        if getattr(result, field) is not None and not isinstance(getattr(result, field), str):
            raise bad(field, "a text or None")
    if not (isinstance(result.warnings, tuple) and all(isinstance(w, str) for w in result.warnings)):
        raise bad("warnings", "a tuple of texts")
    return result
