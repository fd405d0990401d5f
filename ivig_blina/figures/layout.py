"""Placing a label where nothing drawn crosses it: a corner of the axes whose box no curve,
censoring mark or confidence band touches, measured on the laid-out figure."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

CORNERS = {  # legend location name: (x, y, horizontal alignment, vertical alignment) in axes fraction
    "upper right": (0.98, 0.97, "right", "top"),
    "lower left": (0.02, 0.03, "left", "bottom"),
    "upper left": (0.02, 0.97, "left", "top"),
    "lower right": (0.98, 0.03, "right", "bottom"),
}
MARGIN = 3.0  # points kept clear around a label
REFERENCE = "reference"  # lines whose gid starts so (a landmark day, a threshold) may run under a label


def _renderer(figure):
    figure.draw_without_rendering()  # runs the constrained layout: axes at their final places
    return figure.canvas.get_renderer()


def drawn_shapes(ax, bands: bool = True) -> list[tuple[object, float, bool]]:
    """What is drawn in ``ax`` in display coordinates: (path, half-width in pixels, filled) for
    each line (as drawn: steps included; reference lines left out), marker and, with ``bands``,
    filled band."""
    import numpy as np
    from matplotlib.cbook import STEP_LOOKUP_MAP
    from matplotlib.path import Path

    pixels = ax.figure.dpi / 72
    shapes: list[tuple[object, float, bool]] = []
    for line in ax.get_lines():
        if not line.get_visible() or str(line.get_gid()).startswith(REFERENCE):
            continue
        x, y = (np.asarray(v, float) for v in (line.get_xdata(), line.get_ydata()))
        points = np.column_stack([x, y])
        to_display = line.get_transform()
        if line.get_linestyle() not in ("None", "none", "", " ") and len(points) > 1:
            stepped = np.asarray(STEP_LOOKUP_MAP[line.get_drawstyle()](x, y)).T
            shapes.append((Path(to_display.transform(stepped)), line.get_linewidth() * pixels / 2, False))
        if line.get_marker() not in ("None", "none", "", " ", None):
            for point in to_display.transform(points):
                shapes.append((Path([point, point]), line.get_markersize() * pixels / 2, False))
    if bands:
        for collection in ax.collections:
            for path in collection.get_paths():
                shapes.append((collection.get_transform().transform_path(path), 0.0, True))
    return shapes


def crosses(box, shapes) -> bool:
    """Whether any of ``shapes`` (from :func:`drawn_shapes`) touches ``box`` (display bbox)."""
    # a path wholly inside the box intersects it too; a filled one also when it encloses the box
    return any(path.intersects_bbox(box.padded(half), filled=filled) for path, half, filled in shapes)


def place_free(
    ax,
    make: Callable[[str], Any],
    corners: Sequence[str],
    avoid: Sequence = (),
    bands: bool = True,
):
    """The artist ``make(corner)`` made at the first of ``corners`` where its box (with
    ``MARGIN`` around it) fits inside ``ax`` and crosses nothing drawn there (nor the boxes
    ``avoid``); None, with nothing left in ``ax``, when no corner will do. Curves and marks are
    always avoided; bands too unless ``bands`` is False."""
    renderer = _renderer(ax.figure)
    shapes = drawn_shapes(ax, bands)
    pad = MARGIN * ax.figure.dpi / 72
    for corner in corners:
        artist = make(corner)
        box = artist.get_window_extent(renderer).padded(pad)
        inside = ax.bbox.padded(pad)
        fits = inside.x0 <= box.x0 and box.x1 <= inside.x1 and inside.y0 <= box.y0 and box.y1 <= inside.y1
        if fits and not crosses(box, shapes) and not any(box.overlaps(other) for other in avoid):
            return artist
        artist.remove()
    return None
