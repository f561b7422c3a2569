"""The academy's own parts of the Wagtail admin in Spanish, for a staff member whose Wagtail
admin language (account settings: "Preferred language") is Spanish: menu items, the cohort
form's panels, the certificate actions, the outbox's "send again", and English unchanged
for everyone else."""

import pytest
from wagtail.users.models import UserProfile

from academy.models import OutboxEmail
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_staff(staff):
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "es"
    profile.save()
    return staff


def test_the_menu_is_in_spanish(client, spanish_staff, academy_year):
    client.force_login(spanish_staff)
    html = client.get("/admin/").content.decode()
    # The sidebar's menu is JSON (non-ASCII escaped); its items keep their English names.
    for label in ("Impacto", "Correos electr\\u00f3nicos", "Cohortes", "Inscripciones",
                  "Certificados", "\\u00d3rganos de gobierno"):
        assert f'"label": "{label}"' in html, label
    assert '"name": "impact"' in html and '"name": "emails"' in html


def test_the_cohort_form_and_listing_are_in_spanish(client, spanish_staff, academy_year):
    client.force_login(spanish_staff)
    cohort = academy_year.spring
    form = client.get(f"/admin/cohorts/cohort/edit/{cohort.pk}/").content.decode()
    assert "Cómo cambia una cohorte" in form and "Una cohorte nueva comienza como borrador" in form
    assert "Los horarios están en la zona horaria de la cohorte (arriba)." in form
    assert "How a cohort changes" not in form
    listing = client.get("/admin/cohorts/cohort/").content.decode()
    assert "Primera sesión" in listing and "Zona horaria" in listing
    assert "Gestionar en el espacio de trabajo (abrir, iniciar, anunciar)" in listing


def test_the_certificate_actions_are_in_spanish(client, spanish_staff, academy_year):
    client.force_login(spanish_staff)
    certificate = Certificate.objects.filter(revoked_at__isnull=True).first()
    revoke = client.get(f"/admin/certificates/certificate/{certificate.pk}/revoke/")
    html = revoke.content.decode()
    assert "Revocación de <strong>" in html and ">Revocar el certificado</button>" in html
    assert "Motivo de la revocación" in html
    reissue = client.get(f"/admin/certificates/certificate/{certificate.pk}/reissue/")
    assert ">Volver a emitir el certificado</button>" in reissue.content.decode()
    listing = client.get("/admin/certificates/certificate/").content.decode()
    assert "Volver a emitir…" in listing and "Revocar…" in listing


def test_the_outbox_inspect_page_is_in_spanish(client, spanish_staff):
    email = OutboxEmail.objects.create(
        to="someone@example.org", kind="account.reset", subject="Reset", body_text="secret",
        status="failed",
    )
    client.force_login(spanish_staff)
    html = client.get(f"/admin/emails/inspect/{email.pk}/").content.decode()
    assert ">Volver a enviar</button>" in html
    assert "(No se muestra: este correo electrónico contiene un enlace personal" in html
    response = client.post(f"/admin/emails/{email.pk}/retry/", follow=True)
    assert "está de nuevo en la cola de envío" in response.content.decode()


def test_english_admins_keep_english(client, staff, academy_year):
    client.force_login(staff)
    form = client.get(f"/admin/cohorts/cohort/edit/{academy_year.spring.pk}/").content.decode()
    assert "How a cohort changes" in form and "Cómo cambia" not in form


def test_the_home_figures_settings_are_in_spanish(client, spanish_staff, site_tree):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    client.force_login(spanish_staff)
    html = client.get(f"/admin/settings/reports/impactsettings/{site.pk}/").content.decode()
    assert "Cifras que se publican" in html and "Autoridades capacitadas" in html
    assert "Desde el comienzo de la academia" in html and "Período" in html
    assert "Figures to publish" not in html


@pytest.mark.parametrize("suffix", ["txt", "html"])
def test_wagtails_notification_emails_say_why_in_spanish(suffix):
    from django.template.loader import render_to_string
    from django.utils import translation

    context = {"site": {"site_name": "Governance Academy"}}
    with translation.override("es"):
        text = render_to_string(f"wagtailadmin/notifications/base.{suffix}", context)
    assert "Recibe este correo electrónico porque escribe, revisa o aprueba" in text
    assert "Elija qué correos electrónicos recibe" in text
    assert "#tab-notifications" in text
    english = render_to_string(f"wagtailadmin/notifications/base.{suffix}", context)
    assert "You receive this email because you write, review or approve curriculum" in english
