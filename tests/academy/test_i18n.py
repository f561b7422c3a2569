"""Choosing a language: URLs carry it, the switcher keeps it (a visitor's cookie, an
official's profile), pages say which language they are in and where the other one is."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from academy.i18n import for_recipient, language_of
from academy.models import OutboxEmail
from academy.outbox import outbox_enqueue
from academy.times import in_zone
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
COOKIE = settings.LANGUAGE_COOKIE_NAME
HTML = {"HTTP_ACCEPT": "text/html,application/xhtml+xml"}


def test_each_language_has_its_url_and_says_so(client, course):
    english = client.get("/catalog/")
    spanish = client.get("/es/catalog/")
    assert english.status_code == spanish.status_code == 200
    assert '<html lang="en"' in english.content.decode()
    assert '<html lang="es"' in spanish.content.decode()
    assert english["Content-Language"] == "en" and spanish["Content-Language"] == "es"
    # Each version names the other for search engines.
    for response in (english, spanish):
        html = response.content.decode()
        assert re.search(r'hreflang="en" href="http://testserver/catalog/"', html)
        assert re.search(r'hreflang="es" href="http://testserver/es/catalog/"', html)


def test_the_switcher_offers_the_other_language_in_its_own_name(client, course):
    html = client.get("/catalog/").content.decode()
    assert re.search(r'<button[^>]*value="es" lang="es"[^>]*>Español</button>', html)
    assert '<input type="hidden" name="next" value="/es/catalog/">' in html
    html = client.get("/es/catalog/").content.decode()
    assert re.search(r'<button[^>]*value="en" lang="en"[^>]*>English</button>', html)


def test_a_visitor_s_choice_is_kept_in_a_cookie(client, course):
    response = client.post("/language/", {"language": "es", "next": "/catalog/"})
    assert response.status_code == 302 and response["Location"] == "/es/catalog/"
    assert response.cookies[COOKIE].value == "es"
    # Later, an English link takes them to the Spanish page...
    again = client.get("/catalog/", **HTML)
    assert again.status_code == 302 and again["Location"] == "/es/catalog/"
    # ...but a Spanish link shared with someone else stays Spanish, and a feed or a
    # machine's request is never redirected.
    assert client.get("/cohorts/x/calendar.ics").status_code != 302
    client.post("/language/", {"language": "en", "next": "/es/catalog/"})
    assert client.get("/catalog/", **HTML).status_code == 200


def test_an_official_s_choice_is_kept_in_their_profile(client, official, course):
    client.force_login(official)
    response = client.post("/language/", {"language": "es", "next": "/me/"})
    assert response.status_code == 302 and response["Location"] == "/es/me/"
    official.refresh_from_db()
    assert official.preferred_language == "es"
    # Signed in on another device (no cookie), the profile still decides.
    other = Client()
    other.force_login(official)
    assert other.get("/me/", **HTML)["Location"] == "/es/me/"
    assert language_of(official) == "es"


def test_the_switcher_refuses_bad_input_and_foreign_redirects(client, official):
    assert client.post("/language/", {"language": "fr", "next": "/"}).status_code == 400
    assert client.post("/language/", {"next": "/"}).status_code == 400
    response = client.post("/language/", {"language": "es", "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/es/"
    assert client.get("/language/").status_code == 405
    # A signed-in person's switch changes their profile, so it needs the CSRF token.
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(official)
    assert guarded.post("/language/", {"language": "es", "next": "/"}).status_code == 403
    official.refresh_from_db()
    assert official.preferred_language == "en"


def test_a_visitor_who_chose_spanish_is_not_served_the_cached_english_page(
    client, course, settings
):
    settings.PUBLIC_CACHE_SECONDS = 300
    assert Client().get("/catalog/")["X-Public-Cache"] == "miss"
    assert Client().get("/catalog/")["X-Public-Cache"] == "hit"
    client.cookies[COOKIE] = "es"
    response = client.get("/catalog/", **HTML)
    assert response.status_code == 302 and response["Location"] == "/es/catalog/"
    spanish = client.get("/es/catalog/", **HTML)
    assert spanish.status_code == 200 and '<html lang="es"' in spanish.content.decode()
    assert Client().get("/es/catalog/")["X-Public-Cache"] == "hit"


def test_times_in_spanish_use_a_12_hour_clock_and_the_zone_s_name():
    moment = datetime(2026, 3, 3, 19, 0, tzinfo=ZoneInfo("America/New_York"))
    denver = ZoneInfo("America/Denver")
    with translation.override("es"):
        assert in_zone(moment, denver, "medium") == (
            "mar 3 de marzo, 5:00 p.\u00a0m. (hora de la Montaña)"
        )
        assert in_zone(moment, style="longdate") == "3 de marzo de 2026"
    with translation.override("en"):
        assert in_zone(moment, denver, "medium") == "Tue, Mar 3, 5:00 PM MST"


def test_emails_are_written_in_the_recipient_s_language(official, user_factory):
    official.preferred_language = "es"
    official.save()
    english = user_factory(email="en@example.org")
    for person in (official, english):
        outbox_enqueue(
            to_user=person, kind="test", subject=translation.gettext_lazy("Yes"),
            template="enrollment_received", context={"enrollment": None, "cohort": None},
        )
    spanish_row, english_row = OutboxEmail.objects.order_by("pk")
    assert "/es/me/" in spanish_row.body_text and "/es/me/" not in english_row.body_text
    assert spanish_row.subject.endswith("Sí") and english_row.subject.endswith("Yes")
    with for_recipient(official):
        assert translation.get_language() == "es"


def test_a_facilitator_reading_spanish_sees_their_own_time_beside_the_cohort_s(settings):
    from django.utils import timezone

    from academy.templatetags.zones import when

    moment = datetime(2030, 3, 5, 2, 0, tzinfo=ZoneInfo("UTC"))
    with translation.override("es"), timezone.override(ZoneInfo("America/New_York")):
        shown = when(moment, "America/Denver", plain=True)
    assert shown == (
        "lun 4 de marzo, 7:00 p.\u00a0m. (hora de la Montaña) (9:00 p.\u00a0m. en su hora)"
    )


def test_a_site_migrated_before_spanish_keeps_its_pages_in_english():
    """The locale row of a site migrated when LANGUAGE_CODE was "en-us" is renamed."""
    from importlib import import_module

    from django.apps import apps
    from wagtail.models import Locale, Page

    Locale.objects.filter(language_code="en").update(language_code="en-us")
    import_module("academy.migrations.0007_locale_en").rename_locale(apps, None)
    assert Locale.objects.get(language_code="en") == Page.objects.filter(depth=2).first().locale


def test_logging_in_after_choosing_spanish_makes_it_the_official_s_language(client, official):
    client.post("/language/", {"language": "es", "next": "/"})
    response = client.post("/es/accounts/login/", {"login": official.email,
                                                   "password": PASSWORD})
    official.refresh_from_db()
    assert response.status_code == 302 and official.preferred_language == "es"
