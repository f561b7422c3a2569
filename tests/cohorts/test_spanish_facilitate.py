"""The facilitator side in Spanish (issue 17): pages under /es/, the CSV headers of a
download from /es/, the services' refusals and the history, while English stays as it was."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.utils import translation

from cohorts.models import CohortEvent, CohortStatus, Enrollment, EnrollmentEvent
from cohorts.services import (
    EnrollmentError,
    cohort_close_results,
    cohort_set_capacity,
    enrollment_create,
)
from cohorts.views.sheet_rows import sheet_row

from .conftest import make_cohort
from .test_meeting_reports import fixture, online  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def approval(course, facilitator):
    return make_cohort(course, "approval", capacity=2, enrollment_mode="approval",
                       facilitators=[facilitator])


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_cohort_page_in_spanish(client, approval, facilitator, people):
    enrollment_create(cohort=approval, user=people[0])
    client.force_login(facilitator)
    page = client.get(f"/es/facilitate/{approval.slug}/").content.decode()
    assert "Solicitantes pendientes de aprobación (1)" in page
    assert ">Aprobar</button>" in page and ">Rechazar</button>" in page
    assert "Lista de participantes</a>" in page  # the workspace's tabs
    assert "La lista de espera está vacía." in page
    assert "Applicants awaiting approval" not in page
    english = client.get(f"/facilitate/{approval.slug}/").content.decode()
    assert "Applicants awaiting approval (1)" in english and ">Approve</button>" in english


def test_session_pages_in_spanish(client, cohort, facilitator, people):
    enrollment_create(cohort=cohort, user=people[0])
    session = cohort.sessions.first()
    client.force_login(facilitator)
    base = f"/es/facilitate/{cohort.slug}/sessions/{session.pk}/"
    sheet = client.get(base + "attendance/").content.decode()
    assert f"Asistencia: {session.title}" in sheet and "Marcar a todos como presentes" in sheet
    assert "Sin registrar" in sheet and "Guardar la asistencia" in sheet
    projector = client.get(base + "live/projector/").content.decode()
    assert '<html lang="es">' in projector and "e ingrese el código" in projector
    grid = client.get(f"/es/facilitate/{cohort.slug}/attendance/").content.decode()
    assert "Cuadrícula de asistencia" in grid and "P presente · T tarde" in grid


def test_roster_csv_header_in_the_request_language(client, cohort, facilitator, people):
    enrollment_create(cohort=cohort, user=people[0])
    client.force_login(facilitator)
    spanish = csv_rows(client.get(f"/es/facilitate/{cohort.slug}/roster.csv"))
    assert spanish[0][:4] == ["Nombre", "Correo electrónico", "Situación", "Cargo o título"]
    assert "Necesidades de accesibilidad" in spanish[0]
    assert spanish[1][-3:-1] == ["sí", "no"]  # on track, not yet eligible
    english = csv_rows(client.get(f"/facilitate/{cohort.slug}/roster.csv"))
    assert english[0][:3] == ["Name", "Email", "Status"] and english[1][-3:-1] == ["yes", "no"]
    attendance = csv_rows(client.get(f"/es/facilitate/{cohort.slug}/attendance.csv"))
    assert attendance[0][:4] == ["Nombre", "Correo electrónico", "Sesión", "Inicio de la sesión"]


def test_service_refusal_in_spanish(cohort, facilitator, people):
    for person in people[:3]:
        enrollment_create(cohort=cohort, user=person)
    with translation.override("es"), pytest.raises(EnrollmentError) as refused:
        cohort_set_capacity(cohort=cohort, actor=facilitator, capacity=1)
    assert str(refused.value) == (
        "Hay 3 cupos ocupados, así que la capacidad no puede bajar a 1. Redúzcala como "
        "mínimo a 3 o dé de baja a algunas personas primero.")
    with translation.override("en"), pytest.raises(EnrollmentError) as english:
        cohort_set_capacity(cohort=cohort, actor=facilitator, capacity=1)
    assert str(english.value).startswith("3 seats are taken, so the capacity cannot go down")


def test_capacity_refusal_shown_in_spanish(client, cohort, facilitator, people):
    for person in people[:3]:
        enrollment_create(cohort=cohort, user=person)
    client.force_login(facilitator)
    page = client.post(f"/es/facilitate/{cohort.slug}/capacity/", {"capacity": "1"},
                       follow=True).content.decode()
    assert "Hay 3 cupos ocupados" in page


def test_history_summaries_in_spanish(client, cohort, facilitator, people):
    enrollment_create(cohort=cohort, user=people[0])
    cohort_set_capacity(cohort=cohort, actor=facilitator, capacity=9)
    assert CohortEvent.objects.get(cohort=cohort).summary == "Capacity 5 → 9"  # stored as is
    client.force_login(facilitator)
    page = client.get(f"/es/facilitate/{cohort.slug}/history/").content.decode()
    assert "Capacidad 5 → 9" in page and "Historial de Spring cohort" in page
    english = client.get(f"/facilitate/{cohort.slug}/history/").content.decode()
    assert "Capacity 5 → 9" in english


def test_sheet_row_in_spanish(cohort, people):
    e = enrollment_create(cohort=cohort, user=people[0])
    with translation.override("es"):
        row = sheet_row(e, "/rows/", cohort.tzinfo, error="algo")
    assert "<strong>No se guardó:</strong> algo" in row
    assert f"Asistencia de {people[0].display_name}" in row


def test_what_was_missing_in_the_learners_language(cohort, facilitator, people):
    spanish, english = people[0], people[1]
    spanish.preferred_language = "es"
    spanish.save(update_fields=["preferred_language"])
    for person in (spanish, english):
        enrollment_create(cohort=cohort, user=person)
    cohort.sessions.update(starts_at=cohort.sessions.first().starts_at.replace(year=2020),
                           ends_at=cohort.sessions.first().ends_at.replace(year=2020))
    cohort.status = CohortStatus.FINISHED
    cohort.save(update_fields=["status"])
    cohort_close_results(cohort_id=cohort.pk, actor=facilitator)
    said = {
        ev.enrollment.user_id: ev.message
        for ev in EnrollmentEvent.objects.filter(enrollment__cohort=cohort,
                                                 to_status="not_completed")
        .select_related("enrollment")
    }
    assert said[spanish.pk].startswith("asistencia al 75% de las sesiones")
    assert said[english.pk].startswith("attendance of 75% of the sessions")
    assert set(Enrollment.objects.filter(cohort=cohort).values_list("status", flat=True)) == {
        "not_completed"}


def test_meeting_report_import_in_spanish(client, online, facilitator):  # noqa: F811
    from django.core.files.uploadedfile import SimpleUploadedFile

    cohort, session, rows = online
    session.starts_at -= timedelta(days=7)  # the report is from the week after
    session.ends_at -= timedelta(days=7)
    session.save()
    client.force_login(facilitator)
    base = f"/es/facilitate/{cohort.slug}/sessions/{session.pk}/import/"

    def upload(name):
        return client.post(base, {
            "report": SimpleUploadedFile(name, fixture(name), content_type="text/csv"),
            "min_share": 75,
        }).content.decode()

    assert "No reconocemos este informe de participantes" in upload("unknown_columns.csv")
    html = upload("zoom_participants.csv")
    assert "Confirmar la asistencia: Session 1" in html and "Todavía no se guardó nada." in html
    assert "<strong>Otro día.</strong>" in html and "miércoles 18 de noviembre de 2026" in html
    assert "identificado por nombre" in html
    payload = re.search(r'name="payload" value="([^"]+)"', html).group(1)
    refused = client.post(base + "confirm/", {"payload": payload}).content.decode()
    assert ("La reunión del informe fue el miércoles 18 de noviembre, pero esta sesión es el "
            "miércoles 11 de noviembre.") in refused
