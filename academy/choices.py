"""Choices shared by the people app and the apps above it: jurisdiction types, US states
and territories, time zones (US zones first, by their common names). The long lists are
reference data in academy/data/."""

import tomllib
import zoneinfo
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models

DATA_DIR = Path(__file__).resolve().parent / "data"


class JurisdictionType(models.TextChoices):
    CITY = "city", "City or town"
    COUNTY = "county", "County"
    SCHOOL_BOARD = "school_board", "School board"
    TOWNSHIP = "township", "Township or village"
    TRIBAL = "tribal", "Tribal nation"
    STATE = "state", "State"
    OTHER = "other", "Other"


def _data(name):
    with open(DATA_DIR / name, "rb") as handle:
        return tomllib.load(handle)


USState = models.TextChoices(
    "USState", [(s["code"], (s["code"], s["name"])) for s in _data("us_states.toml")["states"]]
)

_zones = _data("time_zones.toml")
US_TIME_ZONES = [(z["zone"], z["name"]) for z in _zones["us"]]
# US zones first by their common names, then the rest of the current IANA list.
TIME_ZONE_CHOICES = US_TIME_ZONES + [(tz, tz.replace("_", " ")) for tz in _zones["other"]]

_ZONE_NAMES = dict(TIME_ZONE_CHOICES)


def time_zone_name(value: str) -> str:
    """A zone as people read it ("Mountain Time (Denver)"), not its IANA key."""
    return _ZONE_NAMES.get(value, (value or "").replace("_", " "))


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"“{value}” is not a time zone we know.")
