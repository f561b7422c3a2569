"""A learner marks modules complete and sees progress (required done / required)."""

import pytest
from django.urls import reverse

from courses.models import ModuleCompletion
from courses.selectors import course_progress, required_modules_done

pytestmark = pytest.mark.django_db


def complete_url(module):
    return reverse("module_complete", args=[module.pk])


def test_mark_complete_and_see_progress(client, official, course, modules):
    client.force_login(official)
    response = client.post(complete_url(modules[0]))
    assert response.status_code == 302
    assert response["Location"] == modules[0].url
    html = client.get(course.url).content.decode()
    assert "1 of 2 required modules done" in html
    client.post(complete_url(modules[1]))
    client.post(complete_url(modules[2]))  # optional: does not count towards required
    progress = course_progress(official, course)
    assert (progress.required_done, progress.required_total) == (2, 2)
    assert progress.complete
    assert "course modules complete" in client.get(course.url).content.decode()


def test_completing_twice_keeps_one_row(client, official, modules):
    client.force_login(official)
    client.post(complete_url(modules[0]))
    client.post(complete_url(modules[0]))
    assert ModuleCompletion.objects.filter(user=official).count() == 1


def test_undo_completion(client, official, modules):
    client.force_login(official)
    client.post(complete_url(modules[0]))
    client.post(complete_url(modules[0]), {"action": "undo"})
    assert not ModuleCompletion.objects.filter(user=official).exists()


def test_logged_out_learner_is_sent_to_login_and_back(client, modules):
    response = client.post(complete_url(modules[0]))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert modules[0].url in response["Location"].replace("%2F", "/")
    assert ModuleCompletion.objects.count() == 0
    # The module page offers a login link that comes back to the module.
    html = client.get(modules[0].url).content.decode()
    assert "Log in to track your progress" in html


def test_get_on_complete_is_refused(client, official, modules):
    client.force_login(official)
    assert client.get(complete_url(modules[0])).status_code == 405
    assert ModuleCompletion.objects.count() == 0


def test_my_learning_lists_started_courses(client, official, course, modules):
    client.force_login(official)
    client.post(complete_url(modules[0]))
    html = client.get("/me/").content.decode()
    assert course.title in html
    assert "1 of 2 required modules done" in html


def test_progress_for_many_learners_at_once(course, modules, user_factory,
                                            django_assert_num_queries):
    people = [user_factory() for _ in range(5)]
    for person in people[:3]:
        ModuleCompletion.objects.create(user=person, module=modules[0])
    ModuleCompletion.objects.create(user=people[0], module=modules[1])
    with django_assert_num_queries(2):
        done = required_modules_done([p.pk for p in people], course)
    assert done[people[0].pk] == (2, 2)
    assert done[people[1].pk] == (1, 2)
    assert done[people[4].pk] == (0, 2)
