"""Stage 5, the ``ivigblina`` command: options parsed (``options``), the library called, the
result rendered and errors mapped to exit codes (``commands``), standard output that fails as
one line (``stdout``). It holds no analysis step.

May import every stage.
"""

from ivig_blina.cli.commands import app, entry, main

__all__ = ["app", "entry", "main"]
