"""Statistics as plug-ins: one registry keyed by name; built-ins register like any other.

A statistic is a subclass of :class:`Statistic` with the class attributes ``name``, ``kind``
and ``description`` and a ``run`` method that returns a :class:`TestResult`:

- ``continuous``: ``a`` and ``b`` are 1-D float arrays without NaN;
- ``binary``: ``a`` and ``b`` are ``(events, n)`` pairs of ints;
- ``time-to-event``: ``a`` and ``b`` are ``(time, event)`` pairs of arrays (event 1, censored 0,
  competing 2 where a statistic takes one);
- ``rate``: ``a`` and ``b`` are ``(episodes, patient_days)`` pairs.

Direction is always the first group against the second (minus, or over). Third-party
statistics come from the entry-point group ``ivig_blina.statistics`` (disabled by
``IVIGBLINA_PLUGINS=none``; each imported only when asked for, see ``plugins``) or from files
given to :meth:`Registry.load_file`.

Stage 0 of the package: statistics take arrays and counts, never files or tables.
May import: ``ivig_blina.errors`` only.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from ivig_blina.errors import IvigBlinaError
from ivig_blina.stats.plugins import ENTRY_POINT_GROUP
from ivig_blina.stats.sides import ALTERNATIVES, ConfidenceInterval, check_alternative, check_confidence_level

KINDS = ("continuous", "binary", "time-to-event", "rate", "categorical")
__all__ = [
    "ALTERNATIVES",
    "ENTRY_POINT_GROUP",
    "KINDS",
    "ConfidenceInterval",
    "Registry",
    "Statistic",
    "TestResult",
    "UnknownStatistic",
    "get",
    "register",
    "registry",
]


@dataclass(frozen=True, kw_only=True)
class TestResult:
    """The result of every statistic. ``pvalue`` is None when no test could be run
    (``warnings`` says why); ``ci`` is a :class:`ConfidenceInterval` (a plain ``(low, high)``
    pair given by a plug-in is turned into one)."""

    __test__ = False  # not a pytest test class

    statistic: float | None
    pvalue: float | None
    estimate: float | None = None
    ci: ConfidenceInterval | None = None
    estimand: str | None = None
    method: str | None = None
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.ci is not None and not isinstance(self.ci, ConfidenceInterval):
            object.__setattr__(self, "ci", ConfidenceInterval(*self.ci))


class Statistic:
    """Base class of every statistic, built-in or plug-in.

    ``options`` names the keyword options ``run`` accepts beyond ``alternative`` and
    ``confidence_level`` (e.g. ``("permutations", "seed", "progress")``); the caller passes
    only those. ``groups`` is 2 for a two-group statistic (with more cohorts it runs pairwise)
    or ``"k"`` for one that takes any number of groups; ``strata`` says whether ``run``
    accepts a ``strata`` keyword; ``concurrent_safe`` whether it may run beside other
    statistics in threads (False unless a statistic says so).

    Every subclass's ``run`` checks ``alternative`` and ``confidence_level`` first: a value
    outside ``two-sided|less|greater`` or (0, 1) is a ``ValueError`` naming the parameter.
    """

    name: ClassVar[str]
    kind: ClassVar[str]
    description: ClassVar[str]
    options: ClassVar[tuple[str, ...]] = ()
    groups: ClassVar[int | Literal["k"]] = 2
    strata: ClassVar[bool] = False
    concurrent_safe: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "run" in vars(cls):
            cls.run = _checked(vars(cls)["run"])  # type: ignore[method-assign]

    def run(self, a, b, *, alternative: str = "two-sided", confidence_level: float = 0.95, **options) -> TestResult:
        raise NotImplementedError


def _checked(run):
    """``run`` with its ``alternative`` and ``confidence_level`` checked at the boundary."""
    if getattr(run, "_checked", False):
        return run

    @functools.wraps(run)
    def checked(self, *args, alternative: str = "two-sided", confidence_level: float = 0.95, **options):
        check_alternative(alternative)
        check_confidence_level(confidence_level)
        return run(self, *args, alternative=alternative, confidence_level=confidence_level, **options)

    checked._checked = True
    return checked


class UnknownStatistic(LookupError):
    """A name that is not in the registry (a usage error: the CLI exits 2)."""


@dataclass(frozen=True)
class Entry:
    cls: type[Statistic]
    origin: str  # "built-in", "package NAME" or "file PATH"


class Registry:
    """Statistics by name. ``entries`` holds those loaded: built-ins, files, and installed
    plug-ins once asked for; ``installed`` the statistics installed packages declare, imported
    only when :meth:`get` asks for one or :meth:`listing` lists them all."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], Entry] = {}  # by (kind, name): fisher is binary and categorical
        self.installed: dict[str, tuple[Any, str]] = {}  # name -> (entry point, origin), not yet imported
        self.plugin_files: list[str] = []  # as given to load_file, for the record (JSON meta)

    @classmethod
    def standard(cls, plugin_files: tuple[str, ...] | list[str] = (), entry_points: bool | None = None) -> Registry:
        """Built-ins, then installed packages' entry points (unless ``IVIGBLINA_PLUGINS=none``;
        found, not imported), then every ``Statistic`` subclass defined in ``plugin_files``."""
        registry = cls()
        from ivig_blina.stats.builtin import BUILTINS

        for statistic in BUILTINS:
            registry.register(statistic, "built-in")
        if entry_points is None:
            entry_points = os.environ.get("IVIGBLINA_PLUGINS", "").strip().lower() != "none"
        if entry_points:
            registry.load_entry_points()
        for path in plugin_files:
            registry.load_file(path)
        return registry

    def register(self, cls: type[Statistic], origin: str) -> None:
        """Add ``cls``; a malformed class or a name already taken is an error naming both."""
        if not (isinstance(cls, type) and issubclass(cls, Statistic)):
            raise IvigBlinaError(f"plug-in from {origin}: {cls!r} is not a subclass of ivig_blina.stats.Statistic")
        for attr in ("name", "kind", "description"):
            if not isinstance(getattr(cls, attr, None), str):
                raise IvigBlinaError(f"statistic {cls.__name__} from {origin} has no '{attr}' text")
        if cls.kind not in KINDS:
            raise IvigBlinaError(
                f"statistic '{cls.name}' from {origin}: kind '{cls.kind}' is not one of {', '.join(KINDS)}"
            )
        if cls.groups not in (2, "k") or not isinstance(cls.strata, bool):
            raise IvigBlinaError(
                f"statistic '{cls.name}' from {origin}: 'groups' must be 2 or \"k\" and 'strata' True or False"
            )
        self._check_free(cls.name, origin, cls.kind)
        self.entries[cls.kind, cls.name] = Entry(cls, origin)

    @property
    def names(self) -> set[str]:
        """The names of the statistics registered (a name may serve several kinds)."""
        return {name for _, name in self.entries}

    def origin(self, statistic: Statistic) -> str:
        return self.entries[statistic.kind, statistic.name].origin

    def _check_free(self, name: str, origin: str, kind: str | None = None) -> None:
        """A name already taken for the kind (by a statistic loaded, or by an installed one,
        whose kind is not known before its import) is an error naming both."""
        taken = [e for (k, n), e in self.entries.items() if n == name and (kind is None or k == kind)]
        other = taken[0].origin if taken else self.installed[name][1] if name in self.installed else None
        if other is not None:
            raise IvigBlinaError(f"statistic '{name}' from {origin} has the name of the one from {other}")

    def load_entry_points(self) -> None:
        """Find the statistics installed packages declare, without importing them: a name
        already taken is an error now; the import waits until :meth:`get` or :meth:`listing`
        asks for the statistic."""
        from ivig_blina.stats.plugins import installed

        for name, ep, origin in installed():
            self._check_free(name, origin)
            self.installed[name] = (ep, origin)

    def _load_installed(self, name: str) -> None:
        """Import the installed statistic ``name`` and register it."""
        from ivig_blina.stats.plugins import plugin_code

        ep, origin = self.installed.pop(name)
        with plugin_code(f"plug-in '{name}' from {origin} failed to load"):
            cls = ep.load()
        if isinstance(getattr(cls, "name", None), str) and cls.name != name:
            raise IvigBlinaError(
                f"plug-in '{name}' from {origin}: its statistic is named '{cls.name}'; an entry "
                "point must have the name of its statistic"
            )
        self.register(cls, origin)

    def listing(self) -> list[Entry]:
        """Every statistic, installed plug-ins imported (what ``ivigblina tests`` lists)."""
        for name in list(self.installed):
            self._load_installed(name)
        return list(self.entries.values())

    def load_file(self, path: str) -> None:
        """Register every ``Statistic`` subclass defined in the Python file ``path``."""
        from ivig_blina.stats.plugins import plugin_code

        origin = f"file {path}"
        self.plugin_files.append(path)
        if not os.path.isfile(path):
            raise IvigBlinaError("no such plug-in file", path=path)
        if not path.endswith(".py"):
            raise IvigBlinaError("a plug-in is a Python file whose name ends in .py", path=path)
        module_name = f"ivig_blina_plugin_{abs(hash(os.path.abspath(path)))}"
        with plugin_code(f"{path}: plug-in failed to load"):
            spec = importlib.util.spec_from_file_location(module_name, path)
            assert spec is not None and spec.loader is not None  # a .py file always has both
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        found = [
            obj
            for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, Statistic) and obj.__module__ == module_name
        ]
        if not found:
            raise IvigBlinaError("plug-in defines no subclass of ivig_blina.stats.Statistic", path=path)
        for cls in found:
            self.register(cls, origin)

    def get(self, name: str, kind: str) -> Statistic:
        """An instance of the statistic ``name``, which must be of ``kind``; an installed
        plug-in of that name is imported now."""
        if name in self.installed:
            self._load_installed(name)
        known = sorted(n for k, n in self.entries if k == kind)
        if name not in known:
            more = (
                f"; installed plug-ins ('ivigblina tests' lists their kinds): {', '.join(sorted(self.installed))}"
                if self.installed
                else ""
            )
            raise UnknownStatistic(f"unknown {kind} statistic '{name}'; known: {', '.join(known)}{more}")
        entry = self.entries[kind, name]
        if entry.origin == "built-in":
            return entry.cls()
        from ivig_blina.stats.plugins import plugin_code

        with plugin_code(f"statistic '{name}' from {entry.origin} failed"):
            return entry.cls()


_default: Registry | None = None


def registry() -> Registry:
    """The process-wide registry: built-ins and entry points, filled on first use."""
    global _default
    if _default is None:
        _default = Registry.standard()
    return _default


def get(name: str, kind: str) -> Statistic:
    """An instance of the statistic ``name`` of ``kind`` from :func:`registry`."""
    return registry().get(name, kind)


def register(cls: type[Statistic], origin: str = "notebook") -> None:
    """Add a statistic to :func:`registry` (for use from Python)."""
    registry().register(cls, origin)
