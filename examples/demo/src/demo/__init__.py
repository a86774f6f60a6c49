"""Temperatures, converted and classified."""

from dataclasses import dataclass
from enum import StrEnum


class Feel(StrEnum):
    """How a temperature feels."""

    COLD = "cold"
    MILD = "mild"
    HOT = "hot"


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """One temperature reading.

    Attributes:
        celsius: The temperature in degrees Celsius.
    """

    celsius: float

    @property
    def fahrenheit(self) -> float:
        """The temperature in degrees Fahrenheit."""
        return self.celsius * 9 / 5 + 32


def feel(reading: Reading) -> Feel:
    """Classify a reading.

    Args:
        reading: The reading.

    Returns:
        How the temperature feels.
    """
    match reading.celsius:
        case c if c < 10:  # noqa: PLR2004 - the boundaries are the definition
            return Feel.COLD
        case c if c < 25:  # noqa: PLR2004 - the boundaries are the definition
            return Feel.MILD
        case _:
            return Feel.HOT
