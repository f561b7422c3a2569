"""The learner's side in Spanish: cohort page, enrolling, My learning, check-in, the .ics
files (the cohort's in the request's language, the private feed in its owner's) and the
rules' messages. English stays as it was (the other tests of this folder)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from cohorts.models import CalendarToken, Enrollment, EnrollmentStatus, Session
from cohorts.services import EnrollmentError, enrollment_create

from .conftest import make_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_english():
    """A request to /es/... leaves Spanish active in the test's thread: later tests start
    in the default language again."""
    yield
    translation.activate("en")


@pytest.fixture
def hablante(user_factory):
    """An official who prefers Spanish."""
    return user_factory(email="lucia@example.org", first_name="Lucía", preferred_language="es")


def es(path):
    return path if path.startswith("/es/") else "/es" + path


def test_cohort_page_in_spanish(client, cohort):
    html = client.get(f"/es/cohorts/{cohort.slug}/").content.decode()
    assert "Calendario de sesiones" in html
    assert "Los horarios se muestran en la zona horaria de la cohorte" in html
    assert "Agregue las sesiones a su calendario (.ics)" in html
    assert "Quedan 5 de 5" in html and "Asista como mínimo al 75% de las sesiones" in html
    assert "Se le pedirá que inicie sesión o cree una cuenta." in html
    assert ">Abierta<" in html  # the cohort's status label
    assert "Schedule" not in html and "Add the sessions to your calendar" not in html
    # English is unchanged
    english = client.get(f"/cohorts/{cohort.slug}/").content.decode()
    assert "Schedule" in english and "5 of 5 left" in english


def test_enrolling_in_spanish(client, cohort, hablante):
    client.force_login(hablante)
    page = client.get(f"/es/cohorts/{cohort.slug}/enroll/").content.decode()
    assert ">Cancelar<" in page and "Lo que espera aprender" in page
    response = client.post(f"/es/cohorts/{cohort.slug}/enroll/", {"hopes": ""}, follow=True)
    html = response.content.decode()
    assert "Ya está inscrito/a. Le enviamos los detalles por correo electrónico." in html
    assert "<strong>Su estado:</strong> Inscrito/a." in html
    assert ">Retirarme<" in html


def test_waitlist_position_in_spanish(client, course, people, hablante):
    cohort = make_cohort(course, capacity=1)
    enrollment_create(cohort=cohort, user=people[0])
    client.force_login(hablante)
    html = client.post(f"/es/cohorts/{cohort.slug}/enroll/", {"hopes": ""},
                       follow=True).content.decode()
    assert "así que está en la lista de espera (número 1)" in html
    assert "usted es el número 1 de la lista de espera" in html


def test_withdraw_confirmation_in_spanish(client, cohort, hablante):
    enrollment = enrollment_create(cohort=cohort, user=hablante)
    client.force_login(hablante)
    page = client.get(f"/es/me/enrollments/{enrollment.pk}/withdraw/").content.decode()
    assert "¿Retirarse de Budgets as moral documents, Spring cohort?" in page
    assert "Su cupo pasará a la siguiente persona de la lista de espera." in page
    assert "Sí, retirarme" in page and "No, conservar mi lugar" in page
    done = client.post(f"/es/me/enrollments/{enrollment.pk}/withdraw/", follow=True)
    assert "Se retiró de Spring cohort." in done.content.decode()


def test_my_learning_in_spanish(client, cohort, modules, hablante, settings):
    settings.SITE_URL = "http://testserver"
    enrollment_create(cohort=cohort, user=hablante)
    client.force_login(hablante)
    client.post(es(reverse("module_complete", args=[modules[0].pk])))
    html = client.get("/es/me/").content.decode()
    assert "<h1>Mi aprendizaje</h1>" in html and "Sus cohortes" in html
    assert "Inscrito/a" in html and "Próxima sesión: Session 1," in html
    assert "<strong>Su progreso:</strong> 1 de 2 módulos obligatorios terminados" in html
    assert "<strong>Asistencia:</strong>" in html and "se necesita el 75%." in html
    assert "Su calendario" in html and ">Copiar el enlace<" in html
    assert 'data-copied="Copiado: el enlace está en su portapapeles."' in html
    # The private link is the same whatever the page's language: the feed picks its own.
    token = CalendarToken.objects.get(user=hablante).token
    assert f'value="http://testserver/me/calendar/{token}.ics"' in html


def test_check_in_in_spanish(client, course, hablante):
    cohort = make_cohort(course, "live", sessions=0, status="in_progress")
    start = timezone.now() - timedelta(minutes=2)
    Session.objects.create(cohort=cohort, title="Budget basics", starts_at=start,
                           ends_at=start + timedelta(minutes=90), check_in_code="QR7K2M")
    Enrollment.objects.create(cohort=cohort, user=hablante, status="enrolled")
    client.force_login(hablante)
    page = client.get("/es/check-in/QR7K2M/").content.decode()
    assert "Registrar mi llegada a Budget basics" in page and "Escribir otro código" in page
    done = client.post("/es/check-in/QR7K2M/").content.decode()
    assert "Su llegada quedó registrada" in done
    assert "Budget basics: presente. Hora de registro:" in done
    assert "Volver a Mi aprendizaje" in done


def _events(response):
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def test_cohort_ics_speaks_the_requests_language(client, cohort):
    cal = _events(client.get(f"/es/cohorts/{cohort.slug}/calendar.ics"))
    event = cal.walk("VEVENT")[0]
    assert str(event["location"]) == "En línea"
    assert "En línea: las personas inscritas encuentran el enlace" in str(event["description"])
    assert f"/es/cohorts/{cohort.slug}/" in str(event["description"])
    english = _events(client.get(f"/cohorts/{cohort.slug}/calendar.ics")).walk("VEVENT")[0]
    assert str(english["location"]) == "Online"


def test_private_feed_speaks_its_owners_language(client, cohort, hablante, official):
    enrollment_create(cohort=cohort, user=hablante)
    enrollment_create(cohort=cohort, user=official)
    for user in (hablante, official):
        CalendarToken.objects.create(user=user)
    client.logout()  # calendar apps send no cookie and no session
    feed = _events(client.get(f"/me/calendar/{CalendarToken.objects.get(user=hablante).token}.ics"))
    assert str(feed["x-wr-calname"]) == "Mis sesiones de la Governance Academy"
    event = feed.walk("VEVENT")[0]
    assert "Enlace para unirse: https://meet.example.org/room" in str(event["description"])
    assert f"/es/cohorts/{cohort.slug}/" in str(event["description"])
    english = _events(
        client.get(f"/me/calendar/{CalendarToken.objects.get(user=official).token}.ics")
    )
    assert str(english["x-wr-calname"]) == "My Governance Academy sessions"
    assert "Join: https://meet.example.org/room" in str(english.walk("VEVENT")[0]["description"])


def test_rules_and_labels_in_spanish(course, people):
    cohort = make_cohort(course, capacity=0, waitlist_enabled=False)
    with translation.override("es"):
        with pytest.raises(EnrollmentError, match="Esta cohorte no tiene cupos disponibles."):
            enrollment_create(cohort=cohort, user=people[0])
        assert EnrollmentStatus.WAITLISTED.label == "En lista de espera"
        assert cohort.get_status_display() == "Abierta"
    with pytest.raises(EnrollmentError, match="This cohort is full."):
        enrollment_create(cohort=cohort, user=people[0])
