"""An official who prefers Spanish, in a real browser: picks Español in the header, logs
in, finds the course in Spanish, enrolls, checks in to the session, and keeps Spanish as
their language; axe finds nothing serious on the Spanish pages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from academy.models import OutboxEmail
from cohorts.models import Cohort, Enrollment, Session
from tests.conftest import PASSWORD, UserFactory, make_course, make_module
from tests.courses.test_spanish_pages import translate

from .conftest import assert_accessible


@pytest.fixture
def spanish_course(site_tree):
    home, catalog = site_tree
    course = make_course(catalog, "Governing as an organizer",
                         summary="Build lasting power with the people you serve.")
    module = make_module(course, "Mapping power")
    translate(home, hero_heading="Gobierne organizando")
    translate(catalog, title="Catálogo de cursos")
    translate(course, title="Gobernar organizando: fundamentos",
              summary="Construya un poder duradero con las personas a las que sirve.")
    translate(module, title="Mapear el poder")
    now = timezone.now()
    cohort = Cohort.objects.create(
        course=course, slug="invierno", title="Cohorte de invierno", status="open",
        capacity=10, time_zone="America/Chicago",
    )
    Session.objects.create(
        cohort=cohort, title="Sesión de apertura", starts_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(minutes=85), check_in_code="PODER7",
    )
    return cohort


def test_an_official_enrolls_and_checks_in_in_spanish(live_server, page, spanish_course):
    base = live_server.url
    official = UserFactory(email="maricela@example.org", first_name="Maricela",
                           last_name="Ortega")

    # The switcher in the header: the same page at its Spanish address.
    page.goto(base + "/catalog/")
    page.get_by_role("button", name="Español").click()
    page.wait_for_url("**/es/catalog/")
    assert page.locator("html").get_attribute("lang") == "es"
    expect(page.get_by_role("heading", level=1)).to_have_text("Catálogo de cursos")
    assert_accessible(page, "Spanish catalog")

    # Log in on the Spanish login page: the language picked before becomes the official's.
    page.get_by_role("link", name="Iniciar sesión").click()
    page.wait_for_url("**/es/accounts/login/**")
    page.locator("#id_login").fill(official.email)
    page.locator("#id_password").fill(PASSWORD)
    assert_accessible(page, "Spanish login")
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_load_state()

    # The course in Spanish, its cohort, and enrolling.
    page.goto(base + "/es/catalog/")
    page.get_by_role("link", name="Gobernar organizando: fundamentos").first.click()
    page.wait_for_url("**/es/catalog/governing-as-an-organizer/")
    expect(page.get_by_text("Construya un poder duradero").first).to_be_visible()
    assert_accessible(page, "Spanish course page")
    page.get_by_role("link", name=re.compile("Cohorte de invierno")).first.click()
    page.wait_for_url("**/es/cohorts/invierno/")
    assert_accessible(page, "Spanish cohort page")
    page.get_by_role("link", name="Inscribirme").click()
    page.wait_for_url("**/es/cohorts/invierno/enroll/")
    assert_accessible(page, "Spanish enrollment form")
    page.get_by_role("button", name="Inscribirme").click()
    expect(page.get_by_text("Ya está inscrito/a.").first).to_be_visible()
    assert Enrollment.objects.get(user=official).status == "enrolled"

    # Check in with the session's code.
    page.goto(base + "/es/check-in/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Registrar mi llegada a una sesión")
    page.locator("input[name=code]").fill("poder7")
    page.locator("input[name=code]").press("Enter")
    expect(page.get_by_text("Su llegada quedó registrada").first).to_be_visible()
    assert_accessible(page, "Spanish check-in")
    assert Enrollment.objects.get(user=official).attendance.get().status == "present"

    # Spanish is the official's language now: an English link opens the Spanish page, and
    # the emails are in Spanish.
    official.refresh_from_db()
    assert official.preferred_language == "es"
    page.goto(base + "/me/")
    page.wait_for_url("**/es/me/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mi aprendizaje")
    assert_accessible(page, "Spanish My learning")
    subjects = list(OutboxEmail.objects.filter(recipient=official).values_list("subject",
                                                                               flat=True))
    assert any("Está inscrito/a en" in s for s in subjects), subjects
