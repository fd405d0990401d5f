"""IgG units: which unit a header names, levels written with a unit (``4g/L``), and the
range of serum IgG that tells a unit slip from a real value. Light on imports: the CLI uses it
while parsing options."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ivig_blina.errors import OptionError

UNITS = ("mg/dL", "g/L")
TO_MG_DL = {"mg/dL": 1.0, "g/L": 100.0}
PLAUSIBLE_MG_DL = (30.0, 6000.0)  # a serum IgG level outside this range is a slip of the unit
_UNIT_IN_HEADER = re.compile(r"(?<![a-z])(mg[/_ ]?dl|g[/_ ]?l)(?![a-z])", re.IGNORECASE)
_AMOUNT = re.compile(r"\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)\s*(mg/dl|g/l)?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    """An IgG level as the user wrote it: ``400``, ``400mg/dL`` or ``4 g/L``. ``unit`` is None
    for a bare number, which is in the input's unit."""

    value: float
    unit: str | None = None

    def __str__(self) -> str:
        return f"{self.value:g}{self.unit or ''}"

    def in_mg_dl(self, input_unit: str) -> float:
        return self.value * TO_MG_DL[self.unit or input_unit]


def parse_amount(name: str, text: str | float | Amount) -> Amount:
    """An IgG level from text (``4g/L``, ``400 mg/dL``, ``400``) or a bare number."""
    if isinstance(text, Amount):
        return text
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        value, unit = float(text), None
    else:
        found = _AMOUNT.fullmatch(str(text))
        if found is None:
            raise OptionError(name, f"expected a level such as 400, 400mg/dL or 4g/L, got '{text}'")
        value = float(found.group(1))
        unit = {"mg/dl": "mg/dL", "g/l": "g/L"}[found.group(2).lower()] if found.group(2) else None
    if not 0 < value < math.inf:
        raise OptionError(name, f"expected a level above 0 (e.g. 400mg/dL), got {text}")
    return Amount(value, unit)


def threshold_in_mg_dl(name: str, amount: Amount, input_unit: str) -> float:
    """``amount`` in mg/dL (a bare number is in ``input_unit``); a level no serum IgG
    threshold takes is a slip of the unit, refused with the likely intent."""
    mg_dl = amount.in_mg_dl(input_unit)
    low, high = PLAUSIBLE_MG_DL
    if low <= mg_dl <= high:
        return mg_dl
    given = f"{amount}" + ("" if amount.unit else f" with {input_unit} input")
    likely = [f"{amount.value:g}{u}" for u in UNITS if low <= amount.value * TO_MG_DL[u] <= high]
    raise OptionError(
        name,
        f"{given} is {mg_dl:,.6g} mg/dL, not a serum IgG level"
        + (f"; did you mean {likely[0]}?" if likely else f" ({low:g}-{high:,.0f} mg/dL)"),
    )


def unit_in_header(name: str) -> str | None:
    """The IgG unit a column header names (``IgG (g/L)``, ``igg_mg_dl``, ``IGG MG/DL``), if any."""
    found = _UNIT_IN_HEADER.search(name)
    if found is None:
        return None
    return "mg/dL" if found.group(1).lower().startswith("mg") else "g/L"
