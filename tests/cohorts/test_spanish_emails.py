"""Emails go out in the recipient's preferred language (issue 17): subject and body, text
and HTML, with links under /es/ and dates in Spanish, whoever causes them."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from cohorts import services, tasks
from cohorts.models import Session

from .conftest import make_cohort

pytestmark = pytest.mark.django_db

SPANISH_DAY = re.compile(r"(lunes|martes|miércoles|jueves|viernes|sábado|domingo) \d+ de ")


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver.example"


def html_of(message):
    return message.alternatives[0][0]


def test_a_spanish_official_gets_the_enrollment_email_in_spanish(
        cohort, user_factory, django_capture_on_commit_callbacks):
    ana = user_factory(preferred_language="es", first_name="Ana")
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_create(cohort=cohort, user=ana)
    [message] = mail.outbox
    assert "Está inscrito/a en Budgets as moral documents, Spring cohort" in message.subject
    assert message.body.startswith("Progressive Governance Academy\n\nHola, Ana:")
    assert "Está inscrito/a en Budgets as moral documents, Spring cohort. Nos alegrará" in (
        message.body
    )
    assert "Sesiones, en Hora del Centro (Chicago):" in message.body
    assert "http://testserver.example/es/cohorts/spring-cohort/" in message.body
    assert "Mi aprendizaje: http://testserver.example/es/me/" in message.body
    assert "Recibe este correo porque solicitó un cupo o se inscribió en" in message.body
    html = html_of(message)
    assert '<html lang="es">' in html
    assert "Está inscrito/a en <strong>Budgets as moral documents, Spring cohort</strong>" in html
    assert "Agregue las sesiones a su calendario (.ics)" in html
    assert "Horario: Hora del Centro (Chicago)." in html
    assert 'href="http://testserver.example/es/cohorts/spring-cohort/"' in html
    for english in ("You are enrolled", "Hello", "Sessions", "You receive this email"):
        assert english not in message.body and english not in html


def test_each_recipient_gets_their_own_language(
        course, facilitator, user_factory, django_capture_on_commit_callbacks):
    """A Spanish-speaking facilitator's decisions reach an English official in English
    (and the other way round): the language is the recipient's, not the actor's."""
    facilitator.preferred_language = "es"
    facilitator.save()
    cohort = make_cohort(course, enrollment_mode="approval", facilitators=[facilitator])
    ana = user_factory(preferred_language="es")
    bob = user_factory(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        a = services.enrollment_create(cohort=cohort, user=ana)
        b = services.enrollment_create(cohort=cohort, user=bob)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_approve(enrollment=a, actor=facilitator, message="Bienvenida")
        services.enrollment_decline(enrollment=b, actor=facilitator, message="Full")
    to_ana = [m for m in mail.outbox if m.to == [ana.email]]
    to_bob = [m for m in mail.outbox if m.to == [bob.email]]
    assert "Recibimos su solicitud para Budgets as moral documents" in to_ana[0].subject
    assert "fue aprobada" in to_ana[-1].subject
    assert "Un mensaje del equipo de facilitación:\nBienvenida" in to_ana[-1].body
    assert "We received your application" in to_bob[0].subject
    assert "was not accepted this time" in to_bob[-1].body
    assert "http://testserver.example/catalog/" in to_bob[-1].body
    assert all("Recibimos" not in m.body for m in to_bob)


def test_a_spanish_official_gets_the_session_reminder_in_spanish(
        course, user_factory, django_capture_on_commit_callbacks):
    cohort = make_cohort(course, sessions=0)
    starts = timezone.now() + timedelta(hours=20)
    Session.objects.create(cohort=cohort, title="Presupuesto", starts_at=starts,
                           ends_at=starts + timedelta(hours=1), location="Sala 201")
    ana = user_factory(preferred_language="es")
    bob = user_factory(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_create(cohort=cohort, user=ana)
        services.enrollment_create(cohort=cohort, user=bob)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.session_reminders_task.delay()
    spanish = next(m for m in mail.outbox if m.to == [ana.email])
    english = next(m for m in mail.outbox if m.to == [bob.email])
    assert "Recordatorio: Presupuesto (Budgets as moral documents) comienza el " in (
        spanish.subject
    )
    assert "Un recordatorio: “Presupuesto” (Budgets as moral documents, Spring cohort) " \
        "comienza el " in spanish.body
    assert SPANISH_DAY.search(spanish.body)
    assert "y termina a las " in spanish.body
    assert "Dónde: Sala 201" in spanish.body
    html = html_of(spanish)
    assert "Un recordatorio: <strong>Presupuesto</strong>" in html and SPANISH_DAY.search(html)
    assert "/es/cohorts/spring-cohort/calendar.ics" in spanish.body
    # The English official's reminder is unchanged.
    assert "Reminder: Presupuesto (Budgets as moral documents) starts " in english.subject
    assert re.search(r"starts \w{3} \w{3} \d+, \d+:\d\d [AP]M C[SD]T", english.subject)
    assert 'A reminder: "Presupuesto"' in english.body and "Where: Sala 201" in english.body


def test_a_moved_session_is_announced_in_spanish(
        cohort, user_factory, facilitator, django_capture_on_commit_callbacks):
    from cohorts.notifications import session_change_email

    ana = user_factory(preferred_language="es")
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = services.enrollment_create(cohort=cohort, user=ana)
    mail.outbox.clear()
    session = cohort.sessions.order_by("starts_at").first()
    with django_capture_on_commit_callbacks(execute=True):
        session_change_email(session, enrollment, kind="session_moved", message="Nos vemos")
    [message] = mail.outbox
    assert message.subject.endswith("Nueva fecha y hora: Session 1 (Budgets as moral documents)")
    assert "tiene nueva fecha y hora: " in message.body and SPANISH_DAY.search(message.body)
    assert "Un mensaje del equipo de facilitación:\nNos vemos" in message.body


def test_a_spanish_official_gets_the_password_reset_email_in_spanish(
        client, user_factory, site_tree, django_capture_on_commit_callbacks):
    """Asked for from the English page, the email still follows the person's preference,
    and its link opens the Spanish page."""
    ana = user_factory(preferred_language="es", first_name="Ana")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": ana.email})
    [message] = mail.outbox
    assert message.subject.endswith("Elija una nueva contraseña")
    assert "Alguien (esperamos que usted) pidió restablecer la contraseña" in message.body
    assert re.search(r"Elija una nueva contraseña aquí: https?://[^/\s]+/es/accounts/password/"
                     r"reset/key/\S+", message.body)
    html = html_of(message)
    assert '<html lang="es">' in html and "Hola, Ana:" in html
    assert re.search(r'href="https?://[^/"]+/es/accounts/password/reset/key/[^"]+"', html)
    assert "Recibe este correo porque se pidió restablecer la contraseña" in html
    # The link works: the Spanish page to choose the password.
    link = re.search(r"https?://[^/\s]+(/es/accounts/password/reset/key/\S+)", message.body)
    page = client.get(link.group(1), follow=True)
    assert page.status_code == 200


def test_an_english_official_still_gets_the_english_password_reset(
        client, user_factory, site_tree, django_capture_on_commit_callbacks):
    bob = user_factory(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/es/accounts/password/reset/", {"email": bob.email})
    [message] = mail.outbox
    assert message.subject.endswith("Choose a new password")
    assert "Choose a new password here: " in message.body
    assert "/es/" not in message.body


def test_an_unknown_address_is_answered_in_the_page_language(
        client, settings, site_tree, django_capture_on_commit_callbacks):
    settings.ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/es/accounts/password/reset/", {"email": "nadie@example.org"})
    [message] = mail.outbox
    assert message.subject.endswith("Ninguna cuenta usa este correo electrónico")
    assert "Hola:" in message.body and "pero ninguna cuenta usa esta dirección" in message.body
    assert "/es/accounts/signup/" in message.body
