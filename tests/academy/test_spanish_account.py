"""The account pages, the profile, error pages and the academy's messages in Spanish
(issue 17), and the same pages still in English."""

import pytest
from django.utils import translation

from academy.services.bodies import MembershipRow, membership_row_problem

pytestmark = pytest.mark.django_db


@pytest.fixture
def ana(user_factory):
    return user_factory(preferred_language="es", first_name="Ana")


def test_the_profile_in_spanish(client, ana, site_tree):
    client.force_login(ana)
    page = client.get("/es/me/profile/").content.decode()
    assert "<h1>Su perfil</h1>" in page
    assert "Guardar el perfil" in page and "Órganos de gobierno en los que participa" in page
    # The language field: a clear label and help text, each language named in itself.
    assert "Idioma<span" in page
    assert "El sitio, los correos electrónicos y los certificados le llegan en este idioma." \
        in page
    assert ">Español<" in page and ">English<" in page
    # Choices and labels of the profile and the bodies formset.
    assert "Hora del Centro (Chicago)" in page and "Carolina del Norte" in page
    assert "Municipio rural o aldea" in page and "Nombre del órgano de gobierno" in page
    assert "Nombre preferido" in page and "Tipo de jurisdicción" in page
    for english in ("Your profile", "Save profile", "Bodies you serve on", "Time zone",
                    "Choose a state or territory"):
        assert english not in page


def test_the_profile_in_english_is_unchanged(client, official, site_tree):
    client.force_login(official)
    page = client.get("/me/profile/").content.decode()
    assert "<h1>Your profile</h1>" in page and "Save profile" in page
    assert "Language<span" in page
    assert "The site, emails and certificates reach you in this language." in page
    assert "Central (Chicago)" in page and "North Carolina" in page


def test_profile_messages_and_errors_in_spanish(client, ana, site_tree):
    client.force_login(ana)
    response = client.post("/es/me/profile/", {"first_name": ""}, follow=True)
    page = response.content.decode()
    assert "Corrija los errores que se indican abajo; no se guardó nada." in page
    data = {
        "first_name": "Ana", "last_name": "Ruiz", "jurisdiction_name": "Tucson",
        "jurisdiction_type": "city", "state": "AZ", "time_zone": "America/Phoenix",
        "preferred_language": "es",
    }
    response = client.post("/es/me/profile/", data, follow=True)
    assert "Su perfil se guardó." in response.content.decode()


def test_body_errors_in_spanish():
    row = MembershipRow(body_name="Council", body_type="city", state="AZ", seats=5)
    with translation.override("es"):
        field, message = membership_row_problem(row)
    assert field == "oath_date"
    assert message.startswith("Indique la fecha del juramento o de la elección")
    with translation.override("en"):
        assert membership_row_problem(row)[1].startswith("Give the oath date")


@pytest.mark.parametrize(
    ("url", "texts"),
    [
        ("/es/accounts/login/", ["Iniciar sesión", "Cree una cuenta", "¿Olvidó su contraseña?"]),
        ("/es/accounts/signup/", ["Crear una cuenta", "Inicie sesión", "Apellido"]),
        ("/es/accounts/password/reset/", ["Restablecer la contraseña",
                                          "Enviarme un enlace para restablecerla"]),
    ],
)
def test_the_entrance_pages_in_spanish(client, site_tree, url, texts):
    page = client.get(url).content.decode()
    assert '<html lang="es"' in page
    for text in texts:
        assert text in page, text
    for tú in ("Introduce ", "Envíame", "Regítrate", "Añadir"):
        assert tú not in page


def test_the_account_pages_in_spanish(client, ana, site_tree):
    client.force_login(ana)
    page = client.get("/es/accounts/email/").content.decode()
    assert 'aria-label="Su cuenta"' in page
    assert "Verificación en dos pasos" in page and "Agregar una dirección de correo" in page
    page = client.get("/es/accounts/2fa/").content.decode()
    assert "No hay ninguna aplicación de autenticación configurada." in page


def test_the_404_page_in_spanish(client, site_tree):
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "No encontramos esa página" in page
    assert 'href="/es/catalog/"' in page and "Ver el catálogo de cursos" in page
    english = client.get("/no-such-page/").content.decode()
    assert "We can’t find that page" in english and 'href="/catalog/"' in english


def test_error_pages_render_in_spanish():
    from django.template.loader import render_to_string

    with translation.override("es"):
        assert "Algo salió mal de nuestro lado" in render_to_string("500.html")
        assert '<html lang="es">' in render_to_string("500.html")
        assert "Demasiados intentos" in render_to_string("429.html")
        assert "No tiene acceso a esta página" in render_to_string("403.html")


def test_the_admin_gate_speaks_the_persons_language(client, ana, site_tree):
    """/admin/ has no language prefix: its gate answers in the person's language."""
    client.force_login(ana)
    response = client.get("/admin/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Su cuenta no tiene acceso a la administración" in page
    assert "Ir a Mi aprendizaje" in page and 'href="/es/me/"' in page


def test_the_two_factor_reminder_in_spanish(client, user_factory, site_tree):
    staff = user_factory(is_staff=True, is_superuser=True, preferred_language="es")
    client.force_login(staff)
    response = client.get("/admin/", follow=True)
    assert "La administración requiere verificación en dos pasos." in response.content.decode()


def test_signing_up_in_spanish_makes_spanish_the_persons_language(
        client, site_tree, django_capture_on_commit_callbacks):
    from django.core import mail

    from academy.models import User

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/es/accounts/signup/", {
            "first_name": "Lucía", "last_name": "Pérez", "email": "lucia@example.org",
            "password1": "una-clave-larga-2026", "password2": "una-clave-larga-2026",
        })
    assert User.objects.get(email="lucia@example.org").preferred_language == "es"
    [message] = mail.outbox
    assert message.subject.endswith("Bienvenida: confirme su correo electrónico")
    assert "¡Le damos la bienvenida a Progressive Governance Academy!" in message.body
    assert "Lucía, confirme que lucia@example.org es su dirección de correo electrónico." in (
        message.body
    )
    assert "/es/accounts/confirm-email/" in message.body


def test_choosing_spanish_in_the_profile_answers_in_spanish(client, official, site_tree):
    client.force_login(official)
    data = {
        "first_name": "Rosa", "last_name": "Diaz", "jurisdiction_name": "Tucson",
        "jurisdiction_type": "city", "state": "AZ", "time_zone": "America/Phoenix",
        "preferred_language": "es",
    }
    response = client.post("/me/profile/", data)
    assert response.status_code == 302 and response["Location"] == "/es/me/profile/"
    page = client.get(response["Location"]).content.decode()
    assert "Su perfil se guardó." in page
    data["preferred_language"] = "en"
    response = client.post("/es/me/profile/", data)
    assert response["Location"] == "/me/profile/"
    assert "Your profile is saved." in client.get("/me/profile/").content.decode()
