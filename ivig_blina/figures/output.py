"""Saving a figure in the format a journal asks for, chosen by the file's extension.

PNG, SVG and PDF as matplotlib writes them (PDF and SVG without a creation date, so the same
figure gives the same file); TIFF flattened to RGB on white and compressed with LZW, with its
resolution recorded; EPS (PostScript has no transparency) with every translucent colour
replaced by the opaque tint it shows on white, so confidence bands stay light instead of
turning solid. Fonts are embedded as TrueType (Type 42) in PDF and EPS.
"""

from __future__ import annotations

import io
import os

from ivig_blina.errors import OptionError
from ivig_blina.figures.style import DPI, check_dpi, drawing

FORMATS = ("png", "svg", "pdf", "tiff", "tif", "eps")


def figure_format(path: str) -> str:
    """The format named by ``path``'s extension (any case): ``tif`` reads as ``tiff``."""
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    if extension not in FORMATS:
        raise OptionError(
            "output", f"expected a file name ending in {', '.join('.' + f for f in FORMATS[:-1])} or .eps, got '{path}'"
        )
    return "tiff" if extension == "tif" else extension


def save_figure(figure, path: str, dpi: int = DPI, format: str | None = None) -> None:
    """Write ``figure`` to ``path`` in ``format`` (default: by the extension) at ``dpi`` dots
    per inch (raster formats; the vector ones keep it for any embedded image)."""
    check_dpi("dpi", dpi)
    format = format or figure_format(path)
    with drawing():
        if format == "tiff":
            _save_tiff(figure, path, dpi)
        elif format == "eps":  # through memory: PostScript's title would name the temporary file
            buffer = io.BytesIO()
            opaque(_copy(figure)).savefig(buffer, format="eps", dpi=dpi)
            with open(path, "wb") as f:
                f.write(buffer.getvalue())
        else:
            metadata = {"pdf": {"CreationDate": None}, "svg": {"Date": None}}.get(format)
            figure.savefig(path, format=format, dpi=dpi, metadata=metadata)


def _save_tiff(figure, path: str, dpi: int) -> None:
    from PIL import Image  # matplotlib's own dependency

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    buffer.seek(0)
    with Image.open(buffer) as image:
        image.convert("RGB").save(path, format="TIFF", compression="tiff_lzw", dpi=(dpi, dpi))


def _copy(figure):
    """A copy of ``figure`` to change for one format (the caller's figure stays as it was)."""
    import pickle

    return pickle.loads(pickle.dumps(figure))


def opaque(figure):
    """``figure`` with every translucent colour (an artist's alpha, or a colour's own) replaced
    by the opaque colour it shows on white: what PostScript, which has no transparency, can
    draw. Returns the figure."""
    import numpy as np
    from matplotlib.collections import Collection
    from matplotlib.colors import to_rgba, to_rgba_array
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    def on_white(colours, alpha=None):
        rgba = to_rgba_array(colours, alpha)
        rgba[:, :3] = rgba[:, :3] * rgba[:, 3:] + (1 - rgba[:, 3:])
        rgba[:, 3] = np.where(rgba[:, 3] > 0, 1.0, 0.0)  # fully transparent stays invisible
        return rgba

    for artist in figure.findobj():
        alpha = artist.get_alpha()
        if isinstance(artist, Line2D):
            for getter, setter in (
                (artist.get_color, artist.set_color),
                (artist.get_markerfacecolor, artist.set_markerfacecolor),
                (artist.get_markeredgecolor, artist.set_markeredgecolor),
            ):
                colour = getter()
                if not (isinstance(colour, str) and colour.lower() == "none"):
                    setter(tuple(on_white([to_rgba(colour)], alpha)[0]))
            artist.set_alpha(None)
        elif isinstance(artist, Collection):
            faces, edges = artist.get_facecolor(), artist.get_edgecolor()  # with the artist's alpha applied
            artist.set_alpha(None)
            if len(faces):
                artist.set_facecolor(on_white(faces))
            if len(edges):
                artist.set_edgecolor(on_white(edges))
        elif isinstance(artist, Patch):
            face, edge = artist.get_facecolor(), artist.get_edgecolor()
            artist.set_alpha(None)
            artist.set_facecolor(tuple(on_white([face])[0]))
            artist.set_edgecolor(tuple(on_white([edge])[0]))
    return figure
