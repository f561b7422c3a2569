"""The impact report in Spanish: the admin page for a staff member whose Wagtail admin
language is Spanish, its CSV headers, the PDF (in the language it was asked in), the
email's subject in the recipient's language, and the public home page's figures at /es/."""

import csv
import io
import os
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import Site
from wagtail.users.models import UserProfile

from academy.models import OutboxEmail
from reports.models import ImpactReportPDF, ImpactSettings

pytestmark = pytest.mark.django_db

YEAR = "start=2026-01-01&end=2026-12-31"
DUMP = os.environ.get("SPANISH_DUMP")  # a folder: write the pages there to read them


def spanish_admin(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    return user


def dump(name, text):
    if DUMP:
        with open(os.path.join(DUMP, name), "w") as handle:
            handle.write(text)


def test_the_impact_page_is_in_spanish_for_a_spanish_admin(client, staff, academy_year):
    client.force_login(spanish_admin(staff))
    response = client.get(reverse("impact_report") + "?" + YEAR)
    assert response.status_code == 200
    html = response.content.decode()
    dump("impact.html", html)
    assert "Informe de impacto 2026" in html
    assert '<h2 id="headline-heading">Cifras principales</h2>' in html
    assert "De dónde son las autoridades capacitadas" in html
    assert re.search(r"<dt>Autoridades capacitadas</dt><dd>2</dd>", html)
    assert re.search(r"<dt>Horas de capacitación</dt><dd>12.0</dd>", html)
    assert ">Ver el informe</button>" in html and ">Preparar el PDF</button>" in html
    assert 'aria-label="Illinois: 2 autoridades capacitadas"' in html
    assert "Desde" in html and "Todos los cursos" in html  # the filters' labels
    assert "mar. 2026" in html  # the months table
    assert "Ciudad o pueblo" in html  # jurisdiction types
    assert '<option value="NC">Carolina del Norte</option>' in html  # the state filter
    for english in ("Headline figures", "Show the report", "Officials trained",
                    "Kinds of jurisdiction", "Prepare the PDF", "Completions per month"):
        assert english not in html, english


def test_an_english_admin_still_sees_english(client, staff, academy_year):
    client.force_login(staff)
    html = client.get(reverse("impact_report") + "?" + YEAR).content.decode()
    assert '<h2 id="headline-heading">Headline figures</h2>' in html
    assert "Mar 2026" in html and "Cifras principales" not in html


def test_the_csv_headers_are_in_spanish(client, staff, academy_year):
    client.force_login(spanish_admin(staff))
    url = reverse("impact_export", args=["courses"]) + "?" + YEAR + "&export=csv"
    rows = list(csv.reader(io.StringIO(b"".join(client.get(url).streaming_content).decode())))
    assert rows[0] == ["Curso", "Cohortes", "Autoridades inscritas", "Cursos completados",
                       "Porcentaje de finalización", "Horas de capacitación",
                       "Asistencia promedio"]
    assert rows[1][0] == "Budgets"  # course titles are content, not interface
    url = reverse("impact_export", args=["states"]) + "?" + YEAR + "&export=csv"
    text = b"".join(client.get(url).streaming_content).decode()
    assert text.startswith("Estado o territorio,Código,Autoridades capacitadas")
    assert "Carolina del Norte,NC," in text


def test_a_partners_spanish_export_says_menos_de_5(client, academy_year):
    from courses.permissions import organization_sync_authoring
    from tests.conftest import UserFactory

    author = UserFactory(organization=academy_year.partner, mfa=True)
    author.groups.add(organization_sync_authoring(organization=academy_year.partner))
    client.force_login(spanish_admin(author))
    url = reverse("impact_export", args=["states"]) + "?" + YEAR + "&export=csv"
    text = b"".join(client.get(url).streaming_content).decode()
    assert "Illinois,IL,menos de 5,menos de 5" in text


def test_the_pdf_is_in_the_language_it_was_asked_in(
    client, staff, academy_year, django_capture_on_commit_callbacks
):
    client.force_login(spanish_admin(staff))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("impact_pdf_request") + "?" + YEAR, follow=True)
    assert "Estamos preparando “Informe de impacto 2026”" in response.content.decode()
    report = ImpactReportPDF.objects.get(requested_by=staff)
    report.refresh_from_db()
    assert report.status == "done", report.error
    assert report.title == "Informe de impacto 2026"
    download = client.get(reverse("impact_pdf_download", args=[report.pk]))
    pdf = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    dump("impact.pdf.txt", text)
    assert "Informe de impacto 2026" in text
    assert "Del 1 de enero de 2026 al 31 de diciembre de 2026" in text
    assert "Autoridades capacitadas por estado o territorio" in text
    assert "Tipos de jurisdicción" in text
    assert "Preparado el" in text
    assert "Página 1 de " in text and "Informe de impacto" in text.splitlines()[-1]
    assert "Officials trained" not in text


def test_the_email_subject_follows_the_recipients_language(
    client, staff, academy_year, django_capture_on_commit_callbacks
):
    staff.preferred_language = "es"  # the site's preference: emails in Spanish
    staff.save()
    client.force_login(staff)  # the admin itself in English
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("impact_pdf_request") + "?start=2026-03-02&end=2026-06-30")
    email = OutboxEmail.objects.get(kind="reports.impact_pdf")
    assert email.subject.endswith("] Informe de impacto del 2 mar. 2026 al 30 jun. 2026")
    report = ImpactReportPDF.objects.get(requested_by=staff)
    assert report.title == "Impact report 2 Mar 2026 to 30 Jun 2026"  # asked in English


def test_the_home_pages_figures_in_spanish(client, academy_year,
                                            django_capture_on_commit_callbacks):
    chosen = ImpactSettings.for_site(Site.objects.get(is_default_site=True))
    chosen.show_officials_trained = True
    chosen.show_hours = True
    with django_capture_on_commit_callbacks(execute=True):
        chosen.save()
    english = client.get("/").content.decode()
    assert "Our impact since the academy began" in english
    html = client.get("/es/").content.decode()
    assert "Nuestro impacto desde el comienzo de la academia" in html
    assert "Autoridades capacitadas" in html and "menos de 5" in html
    assert "Se actualiza cada hora" in html
    assert "Our impact" not in html and "Officials trained" not in html
    # Each language is cached apart: English is still English.
    assert "Our impact since the academy began" in client.get("/").content.decode()
