"""`{% impact_public_figures %}`: the headline figures staff chose to publish on the home
page (reports.ImpactSettings), live numbers cached for an hour (no query on a hit)."""

from datetime import date

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language, gettext
from wagtail.models import Site

from ..charts import public_figures
from ..models import ImpactSettings, PublicPeriod
from ..selectors import ImpactFilters, impact_report, this_year

register = template.Library()

CACHE_SECONDS = 60 * 60
ACADEMY_BEGAN = date(2000, 1, 1)


def cache_key(site_id, language=None) -> str:
    """One entry per site and language (the labels are in it)."""
    return f"reports:public-figures:{site_id}:{language or get_language()}"


def cache_keys(site_id) -> list[str]:
    """Every language's entry of a site (to forget them all)."""
    return [cache_key(site_id, code) for code, _name in settings.LANGUAGES]


def _figures(site) -> dict:
    chosen = ImpactSettings.for_site(site)
    names = chosen.published
    if not names:
        return {"figures": [], "heading": ""}
    start, end = this_year()
    if chosen.period == PublicPeriod.ALL_TIME:
        start = ACADEMY_BEGAN
    report = impact_report(ImpactFilters(start=start, end=end))
    return {
        "figures": public_figures(report, names),
        "heading": (
            gettext("Our impact in %(year)s") % {"year": start.year}
            if chosen.period == PublicPeriod.THIS_YEAR
            else gettext("Our impact since the academy began")
        ),
        "as_of": timezone.now(),
    }


@register.inclusion_tag("reports/public_figures.html", takes_context=True)
def impact_public_figures(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"figures": []}
    key = cache_key(site.pk)
    data = cache.get(key)
    if data is None:
        data = _figures(site)
        cache.set(key, data, CACHE_SECONDS)
    return data


@register.filter
def impact_number(value):
    """Counts with thousands separators (1,234); text ("fewer than 5", "75.0%") as is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return value
