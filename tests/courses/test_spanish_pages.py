"""The curriculum in Spanish (issue 17): the Spanish tree is a Wagtail translation of the
English one, a page with no translation is shown in English with a note, and the catalog's
filters name the pillars and policy areas in Spanish."""

import pytest
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale

from courses.models import Pillar, PolicyArea
from tests.conftest import make_course, make_module

pytestmark = pytest.mark.django_db

NOTE = "Este curso aún no está traducido al español; se muestra en inglés."


def translate(page, **fields):
    """`page` translated to Spanish as the admin's "Translate" does, then published."""
    locale, _ = Locale.objects.get_or_create(language_code="es")
    translation = CopyPageForTranslationAction(page=page, locale=locale).execute(
        skip_permission_checks=True
    ).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def translate_term(term, **fields):
    locale, _ = Locale.objects.get_or_create(language_code="es")
    translation = term.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


@pytest.fixture
def spanish_site(site_tree):
    home, catalog = site_tree
    pillar = Pillar.objects.create(name="Racial justice at the center", slug="racial-justice")
    area = PolicyArea.objects.create(name="Housing and tenant protections", slug="housing")
    translate_term(pillar, name="La justicia racial en el centro")
    translate_term(area, name="Vivienda y protección de inquilinos")
    course = make_course(catalog, "Governing as an organizer", pillars=[pillar], areas=[area])
    module = make_module(course, "Mapping power")
    untranslated = make_course(catalog, "Peoples budgets", areas=[area])
    make_module(untranslated, "Reading the budget")
    es_home = translate(home, hero_heading="Gobierne organizando")
    es_catalog = translate(catalog, title="Catálogo de cursos")
    es_course = translate(course, title="Gobernar organizando: fundamentos",
                          summary="El punto de partida para todas las personas participantes.")
    es_module = translate(module, title="Mapear el poder en su jurisdicción")
    return {
        "home": home, "catalog": catalog, "course": course, "module": module,
        "untranslated": untranslated, "es_home": es_home, "es_catalog": es_catalog,
        "es_course": es_course, "es_module": es_module,
    }


def test_spanish_course_page_shows_the_spanish_content(client, spanish_site):
    response = client.get("/es/catalog/governing-as-an-organizer/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gobernar organizando: fundamentos" in html
    assert "El punto de partida para todas las personas participantes." in html
    assert "La justicia racial en el centro" in html  # its pillar, in Spanish
    assert "Governing as an organizer" not in html
    assert "translation-note" not in html
    assert spanish_site["es_course"].url == "/es/catalog/governing-as-an-organizer/"


def test_spanish_home_and_module(client, spanish_site):
    assert "Gobierne organizando" in client.get("/es/").content.decode()
    html = client.get("/es/catalog/governing-as-an-organizer/mapping-power/").content.decode()
    assert "Mapear el poder en su jurisdicción" in html


def test_untranslated_course_is_shown_in_english_with_a_note(client, spanish_site):
    response = client.get("/es/catalog/peoples-budgets/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Peoples budgets" in html
    assert NOTE in html
    assert '<html lang="es"' in html
    assert '<div lang="en">' in html  # the English content is marked as English
    # Its modules stay at their Spanish addresses too, with the note.
    html = client.get("/es/catalog/peoples-budgets/reading-the-budget/").content.decode()
    assert "Reading the budget" in html
    assert "Este módulo aún no está traducido al español; se muestra en inglés." in html


def test_english_pages_are_unchanged(client, spanish_site):
    html = client.get("/catalog/governing-as-an-organizer/").content.decode()
    assert "Governing as an organizer" in html
    assert "translation-note" not in html and '<div lang="en">' not in html


def test_translation_under_another_slug_is_redirected_to(client, spanish_site):
    es_course = spanish_site["es_course"]
    es_course.slug = "gobernar-organizando"
    es_course.save_revision().publish()
    response = client.get("/es/catalog/governing-as-an-organizer/")
    assert response.status_code == 302
    assert response["Location"] == "/es/catalog/gobernar-organizando/"


def test_unknown_spanish_address_is_not_found(client, spanish_site):
    assert client.get("/es/catalog/no-such-course/").status_code == 404


def test_catalog_filters_name_the_terms_in_spanish(client, spanish_site):
    html = client.get("/es/catalog/").content.decode()
    assert ">La justicia racial en el centro</option>" in html
    assert ">Vivienda y protección de inquilinos</option>" in html
    assert "Racial justice at the center" not in html
    # The Spanish catalog lists the untranslated course too, at its Spanish address.
    assert 'href="/es/catalog/peoples-budgets/"' in html
    assert 'href="/es/catalog/governing-as-an-organizer/"' in html
    # Filtering by a term (same slug in both languages) works in Spanish.
    html = client.get("/es/catalog/?pillar=racial-justice").content.decode()
    assert "Gobernar organizando: fundamentos" in html
    assert "Peoples budgets" not in html
    # English filters are unchanged.
    html = client.get("/catalog/").content.decode()
    assert ">Racial justice at the center</option>" in html
    assert "La justicia racial en el centro" not in html


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm Wagtail's per-site caches and the locales before counting
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_spanish_pages_stay_within_the_query_bounds(client, spanish_site):
    for i in range(6):
        make_module(spanish_site["untranslated"], f"Extra {i}")
        make_module(spanish_site["course"], f"More {i}")
    english_course = _queries(client, "/catalog/peoples-budgets/")
    # The Spanish course page and an untranslated course at its Spanish address: no more
    # queries than the English course page (whose count does not grow with its modules).
    assert _queries(client, "/es/catalog/governing-as-an-organizer/") <= english_course
    assert _queries(client, "/es/catalog/peoples-budgets/") <= english_course
    # Modules: within the English module page's bound (test_pages.py).
    assert _queries(client, "/es/catalog/governing-as-an-organizer/mapping-power/") <= 12
    assert _queries(client, "/es/catalog/peoples-budgets/extra-1/") <= 12
    # The catalog: one query more than in English (which courses have a translation).
    assert _queries(client, "/es/catalog/") <= _queries(client, "/catalog/") + 1


def test_a_translation_knows_its_original(spanish_site):
    assert spanish_site["es_course"].original == spanish_site["course"]
    assert spanish_site["es_module"].original == spanish_site["module"]
    assert spanish_site["course"].original is spanish_site["course"]
