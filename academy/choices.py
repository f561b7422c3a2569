"""Choices shared by the people app and the apps above it: jurisdiction types, US states
and territories, time zones (US zones first, by their common names). The long lists are
reference data in academy/data/."""

import tomllib
import zoneinfo
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

DATA_DIR = Path(__file__).resolve().parent / "data"


class JurisdictionType(models.TextChoices):
    CITY = "city", _("City or town")
    COUNTY = "county", _("County")
    SCHOOL_BOARD = "school_board", _("School board")
    TOWNSHIP = "township", _("Township or village")
    TRIBAL = "tribal", _("Tribal nation")
    STATE = "state", _("State")
    OTHER = "other", _("Other")


def _data(name):
    with open(DATA_DIR / name, "rb") as handle:
        return tomllib.load(handle)


# The names that read differently in Spanish (the others are the same in both), listed for
# makemessages: the labels below are translated when shown (gettext_lazy).
_TRANSLATED_NAMES = [
    gettext_noop("District of Columbia"), gettext_noop("Hawaii"), gettext_noop("Louisiana"),
    gettext_noop("Mississippi"), gettext_noop("New Jersey"), gettext_noop("New Mexico"),
    gettext_noop("New York"), gettext_noop("North Carolina"), gettext_noop("North Dakota"),
    gettext_noop("Pennsylvania"), gettext_noop("South Carolina"), gettext_noop("South Dakota"),
    gettext_noop("West Virginia"), gettext_noop("American Samoa"),
    gettext_noop("Northern Mariana Islands"), gettext_noop("U.S. Virgin Islands"),
    gettext_noop("Eastern (New York)"), gettext_noop("Central (Chicago)"),
    gettext_noop("Mountain (Denver)"), gettext_noop("Mountain, no DST (Phoenix)"),
    gettext_noop("Pacific (Los Angeles)"), gettext_noop("Alaska (Anchorage)"),
    gettext_noop("Hawaii (Honolulu)"), gettext_noop("Atlantic (Puerto Rico, Virgin Islands)"),
    gettext_noop("Chamorro (Guam, Northern Mariana Islands)"),
    gettext_noop("Samoa (American Samoa)"),
]

USState = models.TextChoices(
    "USState",
    [(s["code"], (s["code"], _(s["name"]))) for s in _data("us_states.toml")["states"]],
)

_zones = _data("time_zones.toml")
US_TIME_ZONES = [(z["zone"], _(z["name"])) for z in _zones["us"]]
# US zones first by their common names, then the rest of the current IANA list.
TIME_ZONE_CHOICES = US_TIME_ZONES + [(tz, tz.replace("_", " ")) for tz in _zones["other"]]

_ZONE_NAMES = dict(TIME_ZONE_CHOICES)


def time_zone_name(value: str) -> str:
    """A zone as people read it ("Mountain Time (Denver)"), not its IANA key."""
    return str(_ZONE_NAMES.get(value, (value or "").replace("_", " ")))


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            gettext("“%(value)s” is not a time zone we know.") % {"value": value}
        )
