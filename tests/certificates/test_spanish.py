"""Certificates, transcripts and verification in Spanish (issue 17): the PDF in the holder's
language, the other language on demand, `inLanguage` in the credential, Spanish pages and
CSV headers."""

import csv
import io
import re

import pytest
from django.core import mail
from django.utils import translation
from pypdf import PdfReader

from certificates import services
from certificates.models import Certificate
from certificates.services import credential_verify
from cohorts.models import EnrollmentStatus
from tests.conftest import UserFactory

from .conftest import enroll
from .test_requirements_page import complete

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request to /es/... leaves Spanish active in this thread (LocaleMiddleware): tests
    that run later in the process expect the default language."""
    yield
    translation.deactivate()


@pytest.fixture
def issue(django_capture_on_commit_callbacks):
    """Issue as a facilitator's (English) request would, then run the render it queued."""

    def run(**kwargs):
        with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
            certificate = services.certificate_issue(**kwargs)
        certificate.refresh_from_db()
        return certificate

    return run


def flat_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def stored_pdf(certificate) -> bytes:
    with certificate.pdf.open("rb") as fh:
        return fh.read()


@pytest.fixture
def spanish_learner(db):
    return UserFactory(email="lucia@example.org", first_name="Lucía", last_name="Ramírez",
                       preferred_language="es")


def test_a_spanish_holders_certificate_is_rendered_and_emailed_in_spanish(
    finished_cohort, facilitator, spanish_learner, issue
):
    enrollment = enroll(finished_cohort, spanish_learner, status=EnrollmentStatus.COMPLETED)
    certificate = issue(enrollment=enrollment, actor=facilitator)

    assert certificate.language == "es"
    assert certificate.render_status == "done"
    text = flat_text(stored_pdf(certificate))
    assert "Certificado de finalización" in text
    assert "ha completado con éxito" in text
    assert "Código de verificación" in text
    assert re.search(r"emitido el \d{1,2} de [a-z]+ de \d{4}", text), text
    assert "Certificate of Completion" not in text
    # The printed and QR-coded address is the same in every language (no /es/).
    assert certificate.verification_url in text.replace(" ", "")
    assert "/es/" not in certificate.verification_url
    [message] = [m for m in mail.outbox if m.to == ["lucia@example.org"]]
    assert message.subject.endswith(f"Su certificado: {certificate.course_title}")


def test_an_english_holder_downloads_the_spanish_pdf_on_demand(
    client, finished_cohort, facilitator, learner, issue
):
    enrollment = enroll(finished_cohort, learner, status=EnrollmentStatus.COMPLETED)
    certificate = issue(enrollment=enrollment, actor=facilitator)
    assert certificate.language == "en"
    assert "Certificate of Completion" in flat_text(stored_pdf(certificate))

    url = certificate.pdf_url
    assert client.get(f"{url}?lang=es").status_code == 302  # anonymous: log in first
    client.force_login(UserFactory())
    assert client.get(f"{url}?lang=es").status_code == 404  # not theirs

    client.force_login(learner)
    response = client.get(f"{url}?lang=es&download=1")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f'certificate-{certificate.code}-es.pdf' in response["Content-Disposition"]
    spanish = flat_text(response.content)
    assert "Certificado de finalización" in spanish and "Código de verificación" in spanish
    assert certificate.verification_url in spanish.replace(" ", "")
    # Asked again: the same bytes (kept), and the stored English one is unchanged.
    assert client.get(f"{url}?lang=es").content == response.content
    stored = b"".join(client.get(url).streaming_content)
    assert "Certificate of Completion" in flat_text(stored)
    assert b"".join(client.get(f"{url}?lang=en").streaming_content) == stored


def test_a_revoked_certificate_has_no_pdf_in_either_language(
    client, finished_cohort, facilitator, learner, staff, issue
):
    enrollment = enroll(finished_cohort, learner, status=EnrollmentStatus.COMPLETED)
    certificate = issue(enrollment=enrollment, actor=facilitator)
    services.certificate_revoke(certificate=certificate, actor=staff, reason="Issued in error.")
    client.force_login(learner)
    response = client.get(f"{certificate.pdf_url}?lang=es")
    assert response.status_code == 410


def test_the_spanish_verification_page_offers_both_languages_to_the_owner(
    client, finished_cohort, facilitator, learner, issue
):
    enrollment = enroll(finished_cohort, learner, status=EnrollmentStatus.COMPLETED)
    certificate = issue(enrollment=enrollment, actor=facilitator)
    client.force_login(learner)
    html = client.get(f"/es/certificates/{certificate.code}/").content.decode()
    assert 'lang="es"' in html
    assert "Verificación del certificado" in html
    assert "Certificado válido" in html
    assert "Compartir su certificado" in html and "Abrir el PDF" in html
    assert f"{certificate.pdf_url}?lang=es&amp;download=1" in html
    assert "Descargar en español" in html
    assert re.search(r"\d{1,2} de [a-z]+ de \d{4}", html)
    assert "Valid certificate" not in html and "Share your certificate" not in html


def test_the_credential_records_the_holders_language_and_still_verifies(
    client, finished_cohort, facilitator, spanish_learner, issue
):
    enrollment = enroll(finished_cohort, spanish_learner, status=EnrollmentStatus.COMPLETED)
    certificate = issue(enrollment=enrollment, actor=facilitator)
    credential = client.get(f"/certificates/{certificate.code}/credential.json").json()
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["inLanguage"] == "es"
    assert achievement["criteria"]["narrative"].startswith("Asistir al menos al ")
    assert credential["evidence"][0]["name"] == "Registro de asistencia"
    # Its addresses do not depend on the language it is written in.
    assert credential["id"] == certificate.verification_url.removesuffix("/") + "/credential.json"
    assert "/es/" not in credential["credentialStatus"]["statusListCredential"]
    assert "/es/" not in achievement["id"]

    certificate = Certificate.objects.select_related("status_list").get(pk=certificate.pk)
    verification = credential_verify(credential, [certificate.status_list.credential])
    assert verification.verified and not verification.revoked


def test_an_english_holders_credential_says_en(finished_cohort, facilitator, learner, issue):
    enrollment = enroll(finished_cohort, learner, status=EnrollmentStatus.COMPLETED)
    with translation.override("es"):  # whoever issues it, in whatever language
        certificate = issue(enrollment=enrollment, actor=facilitator)
    achievement = certificate.credential["credentialSubject"]["achievement"]
    assert achievement["inLanguage"] == "en"
    assert achievement["criteria"]["narrative"].startswith("Attend at least ")


def test_the_transcript_csv_and_page_in_spanish(client, official, course):
    complete(official, course, days_ago=3, sessions=2)
    client.force_login(official)
    response = client.get("/es/me/transcript.csv")
    body = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    header = next(csv.reader(io.StringIO(body)))
    assert header[:4] == ["Curso", "Cohorte", "Inicio", "Finalización"]
    assert "Horas de asistencia" in header and "Verificación del certificado" in header
    # English stays English.
    body = b"".join(client.get("/me/transcript.csv").streaming_content).decode()
    assert next(csv.reader(io.StringIO(body.lstrip("\ufeff"))))[0] == "Course"

    html = client.get("/es/me/transcript/").content.decode()
    assert "Mi historial de formación" in html and "Compartir su historial de formación" in html
    assert "My transcript" not in html

    pdf = client.get("/es/me/transcript.pdf")
    text = flat_text(pdf.content)
    assert "Historial de formación" in text and "Horas de asistencia" in text
    assert "Página 1 de 1" in text


def test_the_credential_check_page_answers_in_spanish(client, db):
    html = client.post("/es/credentials/verify/", {"credential": "{not json"}).content.decode()
    assert "Verificar una credencial" in html
    assert "Esto no es JSON" in html


def test_every_topic_word_is_listed_for_translation():
    from certificates.transcripts import TOPIC_WORDS, topic_labels

    assert set(topic_labels().values()) <= set(TOPIC_WORDS)
    with translation.override("es"):
        assert translation.gettext("Open meetings") == "Reuniones abiertas"


def test_the_clerk_report_in_spanish(client, staff, official, course):
    from academy.models import Body
    from tests.certificates.test_requirements_page import serve

    course.counts_toward = ["tx-open-meetings"]
    course.save_revision().publish()
    serve(official, "Austin City Council", "city", "TX", oath_days_ago=30)
    complete(official, course, days_ago=2)
    body = Body.objects.get()
    client.force_login(staff)
    html = client.get("/es/reports/requirements/", {"body": body.pk}).content.decode()
    assert "Informe de requisitos de capacitación" in html and "Ver el informe" in html
    assert "1 cumplidos · 0 con horas pendientes · 1 en total." in html
    assert "Cumplido" in html and "Training requirements report" not in html
    response = client.get("/es/reports/requirements.csv", {"body": body.pk})
    body_text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    [header, row] = list(csv.reader(io.StringIO(body_text)))
    assert header[:3] == ["Autoridad electa", "Correo electrónico", "Órgano"]
    assert row[6] == "Cumplido"
    pdf = flat_text(client.get("/es/reports/requirements.pdf", {"state": "TX"}).content)
    assert "Requisitos de capacitación" in pdf and "generado el" in pdf


def test_the_facilitators_certificates_page_in_spanish(
    client, finished_cohort, facilitator, learner, issue
):
    enroll(finished_cohort, learner, status=EnrollmentStatus.COMPLETED)
    enroll(finished_cohort, UserFactory(), status=EnrollmentStatus.NOT_COMPLETED)
    client.force_login(facilitator)
    url = f"/es/facilitate/{finished_cohort.slug}/certificates/"
    html = client.get(url).content.decode()
    assert "<h1>Certificados</h1>" in html
    assert "2 participantes que pueden recibir un certificado" in html
    assert "Emitir como excepción" in html and "Motivo de la excepción" in html
    assert "Issue as an exception" not in html and "learners who can receive" not in html


def test_a_spanish_officials_requirement_reminder_subject_is_in_spanish(db):
    from academy.models import OutboxEmail
    from certificates.requirements import requirement_reminders_send
    from tests.certificates.test_requirements_page import serve, today

    spanish = UserFactory(preferred_language="es")
    english = UserFactory()
    for official in (spanish, english):
        serve(official, "Dallas City Council", "city", "TX", oath_days_ago=30)
    assert requirement_reminders_send(today=today()) == 2
    subjects = {e.recipient_id: e.subject for e in OutboxEmail.objects.all()}
    assert re.search(r"Open Meetings Act training: faltan [\d.]+ horas por registrar antes "
                     r"del \d{1,2} de [a-z]+$", subjects[spanish.pk]), subjects[spanish.pk]
    assert re.search(r"Open Meetings Act training: [\d.]+ hours still to record by "
                     r"[A-Z][a-z]+ \d{1,2}$", subjects[english.pk]), subjects[english.pk]
