"""The Wagtail admin reads like the rest of the academy: its name and logo, values as a
person reads them, one spelling, facilitators chosen from the Facilitators group."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group

from academy.models import FACILITATORS_GROUP, User, facilitators_group
from academy.viewsets import readable
from certificates.models import Certificate
from cohorts.models import Cohort, Session
from tests.certificates.conftest import enroll
from tests.cohorts.conftest import make_cohort
from tests.conftest import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_readable_values():
    assert readable(True) == "Yes" and readable(False) == "No"
    assert readable(None) == "—" and readable("") == "—" and readable([]) == "—"
    assert readable(["City Lab", "Civic Trust"]) == "City Lab, Civic Trust"
    when = dt.datetime(2030, 3, 5, 3, 0, tzinfo=dt.UTC)
    cohort = Cohort(time_zone="America/Denver")
    assert readable(when, cohort) == "Mar 4, 2030, 8:00 PM MST"
    assert readable(when, Session(cohort=cohort)) == "Mar 4, 2030, 8:00 PM MST"


def test_listings_read_as_words(client, staff):
    OrganizationFactory(name="Civic Trust", slug="civic-trust", is_academy=False)
    client.force_login(staff)
    html = client.get("/admin/organizations/").content.decode()
    assert "Civic Trust" in html
    cells = [re.sub(r"<[^>]+>|\s+", " ", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>",
                                                                          html, re.S)]
    assert "No" in cells and "—" in cells  # not a partner's academy flag, no author group
    assert not {"True", "False", "None"} & set(cells)
    # One spelling in the menu and on the page.
    assert "Organisations" not in html and "Organizations" in html


def test_certificate_inspect_joins_partner_names(client, staff, course, user_factory):
    cohort = make_cohort(course)
    certificate = Certificate.objects.create(
        enrollment=enroll(cohort, user_factory()), issued_on="2030-01-01",
        recipient_name="Ana Colón", course_title="Budgets", cohort_title="Autumn",
        partner_names=["City Lab", "Civic Trust"],
    )
    client.force_login(staff)
    html = client.get(f"/admin/certificates/certificate/inspect/{certificate.pk}/").content.decode()
    assert "City Lab, Civic Trust" in html
    assert "[&#x27;City Lab" not in html and "['City Lab" not in html
    assert ">None<" not in html.replace(" ", "").replace("\n", "")


def test_cohort_listing_shows_sessions_with_the_cohorts_zone(client, staff, course):
    cohort = make_cohort(course, time_zone="America/Denver")
    Session.objects.filter(cohort=cohort).delete()
    Session.objects.create(
        cohort=cohort, title="Week 1",
        starts_at=dt.datetime(2030, 3, 5, 3, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2030, 3, 5, 4, 30, tzinfo=dt.UTC),
    )
    client.force_login(staff)
    html = client.get("/admin/cohorts/cohort/").content.decode()
    assert "Mar 4, 2030, 8:00 PM MST" in html
    # The edit form shows the session in the cohort's zone (20:00), not the viewer's.
    form = client.get(f"/admin/cohorts/cohort/edit/{cohort.pk}/").content.decode()
    assert "2030-03-04 20:00" in form


def test_admin_pages_carry_the_academys_name(client, staff, settings):
    client.force_login(staff)
    html = client.get("/admin/").content.decode()
    assert "img/logo" in html and settings.SITE_NAME in html
    assert "- Wagtail</title>" not in html


def test_facilitators_are_chosen_from_the_facilitators_group(client, staff, course):
    chosen = UserFactory(email="lead@example.org", first_name="Rosa", last_name="Vega")
    chosen.groups.add(facilitators_group())
    UserFactory(email="someone@example.org", first_name="Other", last_name="Person")
    cohort = make_cohort(course)
    client.force_login(staff)
    html = client.get(f"/admin/cohorts/cohort/edit/{cohort.pk}/").content.decode()
    assert "Rosa Vega" in html or "lead@example.org" in html
    assert "someone@example.org" not in html and "Other Person" not in html
    assert 'type="search"' in html and "Find a facilitator" in html
    field = Cohort._meta.get_field("facilitators")
    assert list(User.objects.complex_filter(field.get_limit_choices_to())) == [chosen]


def test_migration_puts_existing_facilitators_in_the_group(course):
    from importlib import import_module

    from django.apps import apps

    lead = UserFactory(email="lead2@example.org")
    cohort = make_cohort(course)
    cohort.facilitators.add(lead)
    Group.objects.filter(name=FACILITATORS_GROUP).delete()
    migration = import_module("cohorts.migrations.0007_facilitators_group")
    migration.create_group(apps, None)
    group = Group.objects.get(name=FACILITATORS_GROUP)
    assert list(group.user_set.all()) == [lead]


def test_cohort_listing_reads_dates_in_the_same_queries_for_any_number_of_cohorts(
    client, staff, course
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(staff)
    make_cohort(course, "one")
    client.get("/admin/cohorts/cohort/")  # warm caches (site, permissions)
    with CaptureQueriesContext(connection) as one:
        client.get("/admin/cohorts/cohort/")
    for n in range(4):
        make_cohort(course, f"more-{n}", time_zone="America/Denver")
    with CaptureQueriesContext(connection) as five:
        html = client.get("/admin/cohorts/cohort/").content.decode()
    # No query per row for the course, the first session or the zone's name.
    assert len(five) == len(one)
    assert html.count("Mountain (Denver)") == 4


def test_the_module_editor_spells_organizations_as_the_menu_does():
    from courses.models import ModulePage

    help_text = ModulePage._meta.get_field("authors").help_text
    assert help_text.startswith("Organizations that wrote this module")
