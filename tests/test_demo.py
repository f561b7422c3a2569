"""seed_demo builds the whole demo through the rules and can run twice. It runs once for
this module (two runs, to prove it idempotent); the tests only read what it made."""

import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, WorkflowPage

from academy.demo import load_people
from academy.models import Organization, User
from cohorts.models import Attendance, Cohort, Enrollment, EnrollmentEvent, Session
from cohorts.progress import cohort_attendance
from courses.models import (
    AcademyHomePage,
    CatalogPage,
    CoursePage,
    ModuleCompletion,
    ModulePage,
    Pillar,
    PolicyArea,
)
from tests.conftest import ensure_wagtail_roots

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


def counts():
    return tuple(model.objects.count() for model in (
        User, CoursePage, ModulePage, Cohort, Session, Enrollment, EnrollmentEvent,
        Attendance, ModuleCompletion, Pillar, PolicyArea, WorkflowPage,
    )) + spanish_counts()


def spanish_counts():
    """The Spanish curriculum of courses/demo_data/es/: home, catalog, course, modules,
    pillars, policy areas."""
    es = {"locale__language_code": "es"}
    return tuple(model.objects.filter(**es).count() for model in (
        AcademyHomePage, CatalogPage, CoursePage, ModulePage, Pillar, PolicyArea,
    ))


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", "--quiet-logins")
        first = counts()
        call_command("seed_demo", "--quiet-logins")
        yield first, counts()
        call_command("flush", interactive=False, verbosity=0)
        ensure_wagtail_roots()


def test_seed_demo_is_idempotent(demo):
    first, second = demo
    assert first == second
    assert first[-6:] == (1, 1, 1, 4, 4, 8)  # the Spanish curriculum, loaded once


def test_curriculum_people_and_partners(client):
    assert CoursePage.objects.live().count() >= 4
    for course in CoursePage.objects.all():
        assert ModulePage.objects.child_of(course).live().count() >= 3
    partners = Organization.objects.filter(is_academy=False)
    assert partners.count() >= 3
    assert all(org.authors_group and org.authors_group.user_set.exists() for org in partners)
    assert User.objects.filter(is_staff=True).exists()
    officials = User.objects.filter(is_staff=False, organization__isnull=True)
    assert officials.values("state").distinct().count() >= 5
    assert officials.values("jurisdiction_type").distinct().count() >= 4
    assert client.get("/").status_code == 200
    assert client.get("/catalog/").status_code == 200
    assert client.get(ModulePage.objects.live().first().url).status_code == 200


def test_cohorts_in_every_state(client):
    statuses = set(Cohort.objects.values_list("status", flat=True))
    assert {"open", "in_progress", "finished", "draft", "cancelled"} <= statuses
    # One cohort is ready to close: running, its last session over, mixed standings.
    ready = Cohort.objects.get(slug="public-safety-fall-2026")
    assert ready.status == "in_progress" and not ready.sessions.filter(ends_at__gt=timezone.now())
    standings = cohort_attendance(ready).progress.values()
    assert any(p.eligible for p in standings) and any(not p.eligible for p in standings)
    # The cancelled one ended its people's places and keeps their history.
    cancelled = Cohort.objects.get(slug="climate-gulf-coast-2027")
    assert set(cancelled.enrollments.values_list("status", flat=True)) == {"cancelled"}
    # The finished one was closed through the rules: results and certificates.
    finished = Cohort.objects.get(slug="housing-summer-2026")
    results = set(finished.enrollments.values_list("status", flat=True))
    assert results == {"completed", "not_completed"}
    assert all(e.certificate for e in finished.enrollments.filter(status="completed"))
    full = Cohort.objects.get(slug="housing-spring-2027")
    assert full.enrollments.seated().count() == full.capacity
    assert full.enrollments.waitlist().count() >= 2
    assert Cohort.objects.get(slug="worker-power-southwest").enrollments.filter(
        status="pending").exists()
    now = timezone.now()
    running = Cohort.objects.get(slug="organizer-fall-2026")
    assert running.sessions.filter(ends_at__lt=now).exists()
    assert running.sessions.filter(starts_at__gt=now).exists()
    assert running.facilitators.filter(email="facilitator@academy.example.org").exists()
    assert ">Join the waitlist<" in client.get(f"/cohorts/{full.slug}/").content.decode()
    assert client.get(full.course.url).status_code == 200


def test_a_self_paced_course_started_by_some_and_finished_by_one():
    course = CoursePage.objects.get(slug="peoples-budgets")
    places = Enrollment.objects.filter(cohort__course=course, cohort__self_paced=True)
    assert places.count() == 3
    [done] = places.filter(status="completed")
    assert done.certificate.render_status == "done"


def test_attendance_and_progress(client):
    running = Cohort.objects.select_related("course").get(slug="organizer-fall-2026")
    finished = Cohort.objects.select_related("course").get(slug="housing-summer-2026")
    for cohort in (running, finished):
        progress = cohort_attendance(cohort).progress.values()
        assert any(p.on_track for p in progress) and any(not p.on_track for p in progress)
    assert set(Attendance.objects.values_list("source", flat=True)) == {
        "facilitator", "self_check_in"}


def test_the_demo_logins_see_their_pages(client):
    running = Cohort.objects.get(slug="organizer-fall-2026")
    client.login(email="facilitator@academy.example.org", password="governing-together")
    for url in ("/facilitate/", f"/facilitate/{running.slug}/roster/",
                f"/facilitate/{running.slug}/attendance/", "/facilitate/worker-power-southwest/"):
        assert client.get(url).status_code == 200, url
    client.force_login(running.enrollments.first().user)
    assert "Attendance:" in client.get("/me/").content.decode()


def test_demo_staff_log_in_with_the_documented_authenticator(client):
    import pyotp

    from academy.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET

    for email in ("staff@academy.example.org", "author@commonground.example.org"):
        client.logout()
        response = client.post(
            "/accounts/login/", {"login": email, "password": DEMO_PASSWORD}
        )
        assert response["Location"] == "/accounts/2fa/authenticate/", email
        response = client.post(response["Location"], {"code": pyotp.TOTP(DEMO_TOTP_SECRET).now()})
        assert response["Location"] == "/admin/", email
        assert client.get("/admin/").status_code == 200, email


def test_seed_demo_prints_every_login(capsys):
    call_command("seed_demo")  # a third run: adds nothing, prints the logins
    out = capsys.readouterr().out
    people = load_people()
    officials = [p for p in people if p["role"] == "official"]
    assert len(officials) == 28  # one prefers Spanish (courses/demo_data/es/README.md)
    for person in people:
        assert person["email"] in out, person["email"]
    assert "official24@example.org" in out and "Municipality of Anchorage, AK" in out
    assert "35 people can log in, each with the password governing-together" in out


def test_every_course_has_its_picture_with_alt_text(client):
    # The English courses (a Spanish translation shares its course's picture).
    courses = list(CoursePage.objects.live().filter(locale__language_code="en")
                   .select_related("image"))
    assert courses and all(c.image is not None and c.image_alt for c in courses)
    assert {c.image.title for c in courses} == {c.title for c in courses}
    html = client.get("/catalog/").content.decode()
    for course in courses:
        assert f'alt="{course.image_alt}"' in html


def test_officials_requirements_show_each_state():
    from certificates.requirements import requirement_rows

    emails = ["official3@example.org", "official2@example.org", "official19@example.org",
              "official25@example.org", "official26@example.org"]
    by_email = {u.email: u.pk for u in User.objects.filter(email__in=emails)}
    today = timezone.localdate()
    rows = requirement_rows(by_email.values(), today=today)
    status = {
        email: {r.requirement.id: r.status for r in rows[pk]} for email, pk in by_email.items()
    }
    assert status["official3@example.org"]["tx-open-meetings"].state == "overdue"
    assert status["official2@example.org"]["nc-ethics-after-election"].state == "due_soon"
    california = status["official19@example.org"]["ca-ethics-local-agency"]
    assert california.history[0].met and not california.history[0].late
    assert california.state == "open"  # the next training, two years after the first
    summer = Session.objects.filter(cohort__slug="housing-summer-2026").order_by("ends_at")
    florida = status["official25@example.org"]["fl-ethics-annual"].state
    if summer.last().ends_at.year == today.year:  # the finished cohort fell in this year
        assert florida == "met"
    assert status["official26@example.org"]["fl-ethics-annual"].state in ("open", "due_soon")


def test_the_florida_cohort_shows_the_quorum_guard(client):
    cohort = Cohort.objects.get(slug="organizer-florida-2027")
    client.force_login(cohort.facilitators.first())
    html = client.get(f"/facilitate/{cohort.slug}/").content.decode()
    assert "3 members of Leon County Board of County Commissioners" in html


class VisibleText(HTMLParser):
    """The words a person reads on a page (no scripts, styles or attribute values)."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")
        for name, value in attrs:  # what a screen reader says counts too
            if name in ("alt", "aria-label", "title") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


SCAFFOLDING = re.compile(
    r"\bdemo\b|running now|a demo cohort|academy director|lorem|example\.com|"
    r"the facilitator closes it next",
    re.IGNORECASE,
)


def test_nothing_a_learner_sees_reads_like_scaffolding(client):
    """The seeded site as a visitor and as a learner: no "demo" wording, no placeholder
    cohort names, no unnamed signatory."""
    from certificates.models import Certificate

    certificate = Certificate.objects.filter(revoked_at__isnull=True).first()
    learner = certificate.enrollment.user
    urls = ["/", "/catalog/", *(c.url for c in CoursePage.objects.live())]
    urls += [m.url for m in ModulePage.objects.live()[:6]]
    urls += [f"/cohorts/{c.slug}/" for c in Cohort.objects.visible()]
    urls += [certificate.get_absolute_url()]
    found = {}
    for who in (None, learner):
        if who:
            client.force_login(who)
            urls += ["/me/", "/me/profile/"]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            text = visible_text(response.content.decode())
            if match := SCAFFOLDING.search(text):
                found[url] = text[max(0, match.start() - 60): match.end() + 60]
    assert found == {}


def test_certificates_name_a_person_and_leave_out_the_cohort_label():
    from urllib.parse import parse_qs, urlsplit

    from wagtail.models import Site

    from certificates.certificate_data import certificate_details
    from certificates.models import Certificate, CertificateSettings
    from certificates.services import certificate_data

    cert_settings = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    assert cert_settings.signatory_name == "Dr. Amara Okafor"
    assert cert_settings.signatory_title.startswith("Executive Director")
    certificate = Certificate.objects.filter(revoked_at__isnull=True).first()
    data = certificate_data(certificate)
    assert data.signatory_name == "Dr. Amara Okafor"
    assert certificate.cohort_title not in certificate_details(data)
    name = parse_qs(urlsplit(certificate.linkedin_url).query)["name"][0]
    assert name == certificate.course_title


def test_demo_facilitators_are_in_the_facilitators_group():
    from academy.models import FACILITATORS_GROUP

    facilitating = set(
        User.objects.filter(facilitated_cohorts__isnull=False).values_list("pk", flat=True)
    )
    grouped = set(
        User.objects.filter(groups__name=FACILITATORS_GROUP).values_list("pk", flat=True)
    )
    assert facilitating and facilitating <= grouped


def test_spanish_pages_are_translations_of_the_english_ones():
    es = Locale.objects.get(language_code="es")
    english = CoursePage.objects.get(slug="governing-as-an-organizer", locale__language_code="en")
    spanish = english.get_translation(es)
    assert spanish.live and spanish.slug == english.slug
    assert spanish.title == "Gobernar organizando: fundamentos"
    assert set(spanish.co_authors.all()) == set(english.co_authors.all())
    assert {p.locale_id for p in spanish.pillars.all()} == {es.pk}
    home = AcademyHomePage.objects.get(locale=es)
    english_home = AcademyHomePage.objects.get(locale__language_code="en")
    assert home.translation_key == english_home.translation_key
    # The Spanish catalog is reviewed by the same workflow.
    es_catalog = CatalogPage.objects.get(locale=es)
    assert es_catalog.get_workflow() == CatalogPage.objects.get(
        locale__language_code="en").get_workflow()


def test_spanish_site_in_the_demo(client):
    html = client.get("/es/").content.decode()
    assert "Gobierne organizando" in html
    html = client.get("/es/catalog/").content.decode()
    assert "Catálogo de cursos" in html and ">Vivienda y protección de inquilinos</option>" in html
    html = client.get("/es/catalog/governing-as-an-organizer/mapping-power/").content.decode()
    assert "Mapear el poder en su jurisdicción" in html
    html = client.get("/es/catalog/peoples-budgets/").content.decode()
    assert "Este curso aún no está traducido al español; se muestra en inglés." in html
    # English is unchanged.
    assert "Governing as an Organizer" in client.get(
        "/catalog/governing-as-an-organizer/").content.decode()


def test_spanish_preferring_official_is_enrolled():
    official = User.objects.get(email="official28@example.org")
    assert official.preferred_language == "es"
    enrollment = Enrollment.objects.get(user=official)
    assert enrollment.cohort.course.slug == "governing-as-an-organizer"
