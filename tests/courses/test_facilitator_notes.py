"""What a module says to facilitators (facilitator notes, discussion guidance) is shown to
the facilitators of the course's cohorts and to staff, never to learners or visitors."""

import pytest

from tests.cohorts.conftest import make_cohort
from tests.conftest import UserFactory, make_course, make_module

pytestmark = pytest.mark.django_db

NOTE = "Give people two minutes to write before anyone speaks"
GUIDANCE = "Invite newer officials to speak first"
BODY = [
    ("text", "<p>Everyone reads this.</p>"),
    ("discussion_prompt", {"question": "Who holds power over housing here?",
                           "guidance": GUIDANCE}),
    ("facilitator_note", {"title": "Timing", "text": f"<p>{NOTE}.</p>"}),
]


@pytest.fixture
def module(course):
    return make_module(course, "Mapping power", body=BODY)


def sees_notes(client, module, user=None):
    if user is not None:
        client.force_login(user)
    response = client.get(module.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Everyone reads this." in html and "Who holds power over housing here?" in html
    shown = {NOTE in html, GUIDANCE in html, "For facilitators" in html}
    assert len(shown) == 1, "notes are shown together or not at all"
    if not shown.pop():
        assert "Facilitator" not in html  # learners once read "Facilitator note: ..."
        return False
    return True


def test_anonymous_visitors_do_not_see_facilitator_notes(client, module):
    assert sees_notes(client, module) is False


def test_learners_do_not_see_facilitator_notes(client, course, module, official):
    from cohorts.services import enrollment_create

    enrollment_create(cohort=make_cohort(course), user=official)
    assert sees_notes(client, module, official) is False


def test_the_course_facilitators_see_them(client, course, module):
    facilitator = UserFactory()
    make_cohort(course, facilitators=[facilitator])
    assert sees_notes(client, module, facilitator) is True


def test_a_facilitator_of_another_course_does_not(client, catalog, module):
    other = make_course(catalog, "Another course")
    facilitator = UserFactory()
    make_cohort(other, "other-cohort", facilitators=[facilitator])
    assert sees_notes(client, module, facilitator) is False


def test_staff_see_them(client, module, staff):
    assert sees_notes(client, module, staff) is True


def test_notes_are_not_searchable_by_learners(client, catalog, module):
    response = client.get(catalog.url, {"q": "newer officials"})
    assert response.context["matching_modules"] == []
    response = client.get(catalog.url, {"q": "holds power housing"})
    assert [m.title for m in response.context["matching_modules"]] == ["Mapping power"]


def test_authors_choose_facilitators_only_in_the_editor():
    from courses.blocks import ModuleBodyBlock

    block = ModuleBodyBlock().child_blocks["facilitator_note"]
    assert block.label == "Facilitator note (for facilitators only)"
    guidance = ModuleBodyBlock().child_blocks["discussion_prompt"].child_blocks["guidance"]
    assert "never to learners" in guidance.field.help_text
