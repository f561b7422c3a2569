"""A translated course is the same course: its page shows the original's cohorts, and a
module marked complete in Spanish counts for the original module (cohort completion,
certificates and My learning read the original's completions)."""

import pytest

from courses.models import ModuleCompletion
from tests.cohorts.conftest import make_cohort

from .test_spanish_pages import spanish_site  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_the_spanish_course_page_lists_the_course_s_cohorts(client, spanish_site):  # noqa: F811
    make_cohort(spanish_site["course"], "otono", title="Fall cohort")
    html = client.get("/es/catalog/governing-as-an-organizer/").content.decode()
    assert "Gobernar organizando: fundamentos" in html
    assert "Fall cohort" in html and "/es/cohorts/otono/" in html


def test_a_module_completed_in_spanish_counts_for_the_original(
    client, official, spanish_site  # noqa: F811
):
    client.force_login(official)
    es_module, module = spanish_site["es_module"], spanish_site["module"]
    response = client.post(f"/es/me/modules/{es_module.pk}/complete/")
    assert response.status_code == 302
    assert ModuleCompletion.objects.filter(user=official, module=module).exists()
    assert not ModuleCompletion.objects.filter(module=es_module).exists()
    # Both languages show it done.
    english = client.get("/catalog/governing-as-an-organizer/").content.decode()
    spanish = client.get("/es/catalog/governing-as-an-organizer/").content.decode()
    assert "1 of 1 required module done" in english
    assert "1 de 1" in spanish
    client.post(f"/es/me/modules/{es_module.pk}/complete/", {"action": "undo"})
    assert not ModuleCompletion.objects.filter(user=official).exists()
