"""seed_demo loads the Spanish curriculum of courses/demo_data/es/ as Wagtail translations
and the Spanish-preferring demo official, and stays idempotent (it runs twice here)."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, WorkflowPage

from academy.models import User
from cohorts.models import Enrollment
from courses.models import AcademyHomePage, CatalogPage, CoursePage, ModulePage, Pillar, PolicyArea
from tests.conftest import ensure_wagtail_roots

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


def spanish_counts():
    es = {"locale__language_code": "es"}
    return tuple(model.objects.filter(**es).count() for model in (
        AcademyHomePage, CatalogPage, CoursePage, ModulePage, Pillar, PolicyArea,
    )) + (WorkflowPage.objects.count(), Enrollment.objects.count())


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", "--quiet-logins")
        first = spanish_counts()
        call_command("seed_demo", "--quiet-logins")
        yield first, spanish_counts()
        call_command("flush", interactive=False, verbosity=0)
        ensure_wagtail_roots()


def test_spanish_content_is_loaded_once(demo):
    first, second = demo
    assert first == second
    assert first[:6] == (1, 1, 1, 4, 4, 8)


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
