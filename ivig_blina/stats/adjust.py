"""Multiple-comparison adjustment of P values, as R's ``p.adjust``."""

from __future__ import annotations

METHODS = ("none", "holm", "bonferroni", "bh")


def adjust(pvalues: list[float | None], method: str) -> list[float | None]:
    """Adjusted P values in the input order; ``None`` entries stay ``None`` and do not count
    towards the number of tests (as R's ``p.adjust`` with ``NA``)."""
    present = [(i, p) for i, p in enumerate(pvalues) if p is not None]
    out: list[float | None] = [None] * len(pvalues)
    n = len(present)
    if method == "none":
        adjusted = [p for _, p in present]
    elif method == "bonferroni":
        adjusted = [min(1.0, n * p) for _, p in present]
    elif method == "holm":
        order = sorted(range(n), key=lambda k: present[k][1])
        adjusted, running = [0.0] * n, 0.0
        for rank, k in enumerate(order):
            running = max(running, min(1.0, (n - rank) * present[k][1]))
            adjusted[k] = running
    elif method == "bh":
        order = sorted(range(n), key=lambda k: present[k][1], reverse=True)
        adjusted, running = [0.0] * n, 1.0
        for rank, k in enumerate(order):
            running = min(running, n / (n - rank) * present[k][1])
            adjusted[k] = min(1.0, running)
    else:
        raise ValueError(f"unknown adjustment '{method}'; known: {', '.join(METHODS)}")
    for (i, _), p in zip(present, adjusted):
        out[i] = p
    return out
