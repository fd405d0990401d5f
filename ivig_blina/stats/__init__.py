"""Statistics as plug-ins: one registry keyed by name; built-ins register like any other.

A statistic is a subclass of :class:`Statistic` with ``name``, ``kind`` and ``description``
and a ``run`` method returning a :class:`TestResult`. ``continuous`` statistics take two
1-D float arrays; ``binary`` ones take two ``(events, n)`` pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ivig_blina.errors import IvigBlinaError

KINDS = ("continuous", "binary")
ALTERNATIVES = ("two-sided", "less", "greater")


@dataclass(frozen=True, kw_only=True)
class TestResult:
    """The result of every statistic. ``pvalue`` is None when no test could be run
    (the reason is in ``warnings``)."""

    __test__ = False  # not a pytest test class

    statistic: float | None
    pvalue: float | None
    estimate: float | None = None
    ci: tuple[float, float] | None = None
    estimand: str | None = None
    method: str | None = None
    warnings: tuple[str, ...] = ()


class Statistic:
    """Base class of every statistic, built-in or plug-in."""

    name: ClassVar[str]
    kind: ClassVar[str]
    description: ClassVar[str]

    def run(self, a, b, *, alternative: str = "two-sided", confidence_level: float = 0.95, **options) -> TestResult:
        raise NotImplementedError


class UnknownStatistic(LookupError):
    """A name that is not in the registry (a usage error: the CLI exits 2)."""


@dataclass(frozen=True)
class Entry:
    cls: type[Statistic]
    origin: str


_registry: dict[str, Entry] = {}


def register(cls: type[Statistic], origin: str) -> None:
    """Add ``cls`` to the registry; a name already taken is an error naming both origins."""
    for attr in ("name", "kind", "description"):
        if not isinstance(getattr(cls, attr, None), str):
            raise IvigBlinaError(f"statistic {cls.__name__} from {origin} has no '{attr}' text")
    if cls.kind not in KINDS:
        raise IvigBlinaError(f"statistic '{cls.name}' from {origin}: kind '{cls.kind}' is not one of {', '.join(KINDS)}")
    if cls.name in _registry:
        raise IvigBlinaError(f"statistic '{cls.name}' from {origin} has the name of the one from "
                             f"{_registry[cls.name].origin}")
    _registry[cls.name] = Entry(cls, origin)


def registry() -> dict[str, Entry]:
    """Every registered statistic by name; built-ins are registered on first use."""
    if not _registry:
        from ivig_blina.stats.builtin import BUILTINS

        for cls in BUILTINS:
            register(cls, "built-in")
    return _registry


def get(name: str, kind: str) -> Statistic:
    """An instance of the statistic ``name``, which must be of ``kind``."""
    known = {n: e for n, e in registry().items() if e.cls.kind == kind}
    if name not in known:
        raise UnknownStatistic(f"unknown {kind} statistic '{name}'; known: {', '.join(sorted(known))}")
    return known[name].cls()
