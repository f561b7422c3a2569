"""Curriculum review emails: the partner reviewers of the course's co-authoring
organisations are told that a module waits for their review (and staff are), each email
on the academy's layout, with its subject prefix, through the outbox."""

import pytest
from django.core import mail
from django.urls import reverse

from academy.models import OutboxEmail
from tests.conftest import OrganizationFactory, UserFactory
from tests.courses.test_authoring import edit_data, setup  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://academy.example.org"
    settings.WAGTAILADMIN_BASE_URL = settings.SITE_URL


def submit(client, setup, django_capture_on_commit_callbacks):  # noqa: F811
    module = setup["our_module"]
    client.force_login(setup["author"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[module.pk]),
                               edit_data(module, "Budget basics", "action-submit"))
    assert response.status_code == 302
    module.refresh_from_db()
    return module


def by_recipient():
    result = {}
    for message in mail.outbox:
        [to] = message.to
        result.setdefault(to, []).append(message)
    return result


def test_the_partner_reviewer_is_told_a_module_waits_for_them(
        client, setup, django_capture_on_commit_callbacks):  # noqa: F811
    outsider = UserFactory(email="someone@elsewhere.example.org",
                           organization=OrganizationFactory(slug="elsewhere"))
    submit(client, setup, django_capture_on_commit_callbacks)
    emails = by_recipient()

    [review] = emails["reviewer@budgetlab.example.org"]
    assert review.subject == (
        '[Governance Academy] The page "Budget basics" has been submitted for approval in '
        'moderation stage "Partner review"'
    )
    assert "Hello" in review.body and "Budget basics" in review.body
    assert "https://academy.example.org/admin/pages/" in review.body  # preview and edit links
    assert review.body.startswith("Progressive Governance Academy\n")
    assert "because you write, review or approve curriculum" in review.body
    assert "https://academy.example.org/me/" in review.body
    [(html, _)] = review.alternatives
    assert "Progressive Governance Academy" in html and "Budget basics" in html
    assert "email-header.jpg" not in html  # Wagtail's own header is gone

    # Staff hear of it too (the stage and the workflow); the submitter and people of
    # organisations that do not co-author the course do not.
    staff_subjects = [m.subject for m in emails["staff@example.org"]]
    assert any('moderation stage "Partner review"' in s for s in staff_subjects)
    assert any('submitted to workflow "Partner curriculum review"' in s for s in staff_subjects)
    assert all(s.startswith("[Governance Academy] ") for s in staff_subjects)
    assert "author@budgetlab.example.org" not in emails
    assert "author@tenants.example.org" not in emails
    assert outsider.email not in emails
    kinds = set(OutboxEmail.objects.values_list("kind", flat=True))
    assert kinds == {"curriculum.submitted"}


def test_the_author_hears_of_the_decision_with_the_academy_layout(
        client, setup, django_capture_on_commit_callbacks):  # noqa: F811
    module = submit(client, setup, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    client.force_login(setup["reviewer"])
    task_state = module.current_workflow_state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:workflow_action",
                            args=[module.pk, "reject", task_state.pk]),
                    {"comment": "Please cite the 2024 budget."})
    emails = by_recipient()
    [rejected] = emails["author@budgetlab.example.org"]
    assert rejected.subject.startswith("[Governance Academy] ")
    assert "Budget basics" in rejected.subject
    assert rejected.body.startswith("Progressive Governance Academy\n")
    assert "https://academy.example.org/me/" in rejected.body


def test_partner_reviewers_are_the_review_rule(setup):  # noqa: F811
    from courses.models import PartnerReviewTask

    task = PartnerReviewTask.objects.get()
    module = setup["our_module"]
    assert set(task.partner_reviewers(module).values_list("email", flat=True)) == {
        "author@budgetlab.example.org", "reviewer@budgetlab.example.org"}
