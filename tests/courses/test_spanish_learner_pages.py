"""The catalog, course and module pages in Spanish (under /es/); English unchanged."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.conftest import make_course, make_module

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_english():
    """A request to /es/... leaves Spanish active in the test's thread: later tests start
    in the default language again."""
    yield
    translation.activate("en")


def es(path):
    return path if path.startswith("/es/") else "/es" + path


def test_catalog_in_spanish(client, course, modules):
    html = client.get("/es/catalog/").content.decode()
    assert "Buscar cursos y módulos" in html and "Todas las modalidades" in html
    assert ">Aplicar<" in html and "1 curso" in html and "3 módulos" in html
    assert "6 horas" in html
    assert '<a href="/es/catalog/">Catálogo</a>' in html  # the footer stays in Spanish
    searched = client.get("/es/catalog/?q=zzzz").content.decode()
    assert "Ningún curso ni módulo coincide con “zzzz”. Pruebe con menos palabras" in searched
    english = client.get("/catalog/").content.decode()
    assert "Search courses and modules" in english and "1 course" in english
    assert '<a href="/catalog/">Catalog</a>' in english


def test_course_page_in_spanish(client, catalog):
    course = make_course(catalog)
    make_module(course, "Reading the budget")
    make_module(course, "Further reading", required=False)
    html = client.get(es(course.url)).content.decode()
    assert "Lo que podrá hacer" in html and ">Módulos<" in html
    assert "30 minutos · opcional" in html
    assert "Tiempo estimado" in html and "Próximas cohortes" in html
    assert "Por ahora no hay ninguna cohorte programada." in html


def test_self_paced_course_in_spanish(client, catalog, official):
    course = make_course(catalog, "On my own", fmt="self_paced")
    make_module(course, "Only module")
    html = client.get(es(course.url)).content.decode()
    assert "Haga este curso a su propio ritmo" in html
    assert "Inicie sesión para comenzar este curso" in html
    client.force_login(official)
    assert ">Comenzar este curso<" in client.get(es(course.url)).content.decode()


def test_module_page_and_blocks_in_spanish(client, catalog, official):
    course = make_course(catalog)
    module = make_module(course, "Reading the budget", body=[
        ("reading", {"title": "The guide", "url": "https://example.org/g",
                     "estimated_minutes": 10}),
        ("discussion_prompt", {"question": "Who decides?"}),
        ("activity", {"title": "Map it", "instructions": "<p>Draw.</p>",
                      "deliverable": "A map"}),
        ("video", {"url": "https://vimeo.com/123456789", "title": "Intro",
                   "transcript": "<p>Hello.</p>"}),
    ])
    html = client.get(es(module.url)).content.decode()
    assert "30 minutos · obligatorio" in html
    assert "Lectura · 10 min" in html and "Para el diálogo" in html
    assert "<strong>Usted elaborará:</strong> A map" in html
    assert "<summary>Transcripción</summary>" in html
    assert "Inicie sesión para registrar su progreso" in html
    client.force_login(official)
    assert "Marcar este módulo como terminado" in client.get(es(module.url)).content.decode()
    response = client.post(es(reverse("module_complete", args=[module.pk])), follow=True)
    done = response.content.decode()
    assert "“Reading the budget” está marcado como terminado." in done
    assert "Marcar como no terminado" in done

