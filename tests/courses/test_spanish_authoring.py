"""Translating the curriculum in the admin (issue 17): a partner author translates a
module or a course of their organisation with "Translate" (simple_translation); the
Spanish page is a draft that goes through the same review workflow as any page."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from courses.models import CoursePage, ModulePage
from tests.courses.test_authoring import edit_data, setup  # noqa: F401 (fixture)
from tests.courses.test_spanish_pages import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish(setup, site_tree):  # noqa: F811
    home, catalog = site_tree
    translate(home)
    translate(catalog, title="Catálogo de cursos")
    setup["es"] = Locale.objects.get(language_code="es")
    return setup


def submit_translation(client, page, locale):
    url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    return client.post(url, {"locales": [locale.pk]})


def test_partner_translates_a_module_and_it_goes_to_review(client, spanish):
    # The academy has translated the course page; the partner translates a module of it.
    es_course = translate(spanish["our_course"], title="Presupuestos")
    module = spanish["our_module"]
    client.force_login(spanish["author"])
    response = submit_translation(client, module, spanish["es"])
    assert response.status_code == 302, response.content.decode()[:2000]
    translation = ModulePage.objects.get(translation_key=module.translation_key,
                                         locale=spanish["es"])
    assert translation.get_parent().pk == es_course.pk
    assert translation.slug == module.slug
    assert not translation.live  # a draft: never published directly
    assert translation.get_workflow() == spanish["workflow"]  # the same review

    # The partner drafts the Spanish text and submits it for review.
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, edit_data(translation, "Leer un presupuesto",
                                               "action-submit"))
    assert response.status_code == 302
    translation.refresh_from_db()
    assert not translation.live
    state = translation.current_workflow_state
    assert state is not None and state.current_task_state.task.name == "Partner review"
    # Reviewed by the co-authors of the English course, as in English.
    task = state.current_task_state.task.specific
    assert task.get_actions(translation, spanish["reviewer"])
    assert not task.get_actions(translation, spanish["author"])
    assert not task.get_actions(translation, spanish["other_author"])
    perms = translation.permissions_for_user(spanish["author"])
    assert perms.can_edit() and not perms.can_publish()


def test_partner_translates_their_course_page(client, spanish):
    client.force_login(spanish["author"])
    course = spanish["our_course"]
    response = submit_translation(client, course, spanish["es"])
    assert response.status_code == 302, response.content.decode()[:2000]
    translation = CoursePage.objects.get(translation_key=course.translation_key,
                                         locale=spanish["es"])
    assert not translation.live
    assert translation.get_workflow() == spanish["workflow"]
    # They may draft the Spanish course page (not the English one) and add modules to it.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).status_code == 302
    add = reverse("wagtailadmin_pages:add", args=["courses", "modulepage", translation.pk])
    assert client.get(add).status_code == 200
    assert not translation.permissions_for_user(spanish["author"]).can_publish()


def test_partner_cannot_translate_another_partners_course(client, spanish):
    client.force_login(spanish["author"])
    response = submit_translation(client, spanish["their_module"], spanish["es"])
    assert response.status_code in (302, 403)
    assert not ModulePage.objects.filter(
        translation_key=spanish["their_module"].translation_key, locale=spanish["es"]
    ).exists()
