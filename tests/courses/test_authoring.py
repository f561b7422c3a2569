"""Partner co-authoring in the Wagtail admin, and the two-step review workflow."""

import pytest
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from courses.models import ModulePage, PartnerReviewTask
from courses.permissions import organization_sync_authoring
from tests.conftest import OrganizationFactory, UserFactory, make_course, make_module, stream

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(catalog, staff):
    ours = OrganizationFactory(name="Budget Lab", slug="budget-lab")
    theirs = OrganizationFactory(name="Tenant Union Network", slug="tenants")
    our_course = make_course(catalog, "Budgets", co_authors=[ours])
    their_course = make_course(catalog, "Housing", co_authors=[theirs])
    our_module = make_module(our_course, "Reading a budget")
    their_module = make_module(their_course, "Tenant rights")
    for org in (ours, theirs):
        organization_sync_authoring(organization=org)
        org.refresh_from_db()
    author = UserFactory(email="author@budgetlab.example.org", organization=ours, mfa=True)
    author.groups.add(ours.authors_group)
    reviewer = UserFactory(email="reviewer@budgetlab.example.org", organization=ours, mfa=True)
    reviewer.groups.add(ours.authors_group)
    other_author = UserFactory(email="author@tenants.example.org", organization=theirs, mfa=True)
    other_author.groups.add(theirs.authors_group)

    from django.contrib.auth.models import Group
    staff_group = Group.objects.create(name="Academy staff")
    workflow = Workflow.objects.create(name="Partner curriculum review")
    partner_task = PartnerReviewTask.objects.create(name="Partner review")
    academy_task = GroupApprovalTask.objects.create(name="Academy approval")
    academy_task.groups.set([staff_group])
    WorkflowTask.objects.create(workflow=workflow, task=partner_task, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=academy_task, sort_order=1)
    WorkflowPage.objects.create(page=catalog, workflow=workflow)
    return {
        "ours": ours, "our_course": our_course, "their_course": their_course,
        "our_module": our_module, "their_module": their_module, "author": author,
        "reviewer": reviewer, "other_author": other_author, "staff": staff,
        "workflow": workflow,
    }


def edit_data(module, title, action=None):
    data = {
        "title": title, "slug": module.slug, "intro": "Changed intro",
        "estimated_minutes": 40, "required": "on",
        "body-count": 1, "body-0-type": "text", "body-0-deleted": "",
        "body-0-order": 0, "body-0-value": '{"blocks":[{"key":"a","type":"unstyled",'
        '"depth":0,"text":"New text","inlineStyleRanges":[],"entityRanges":[]}],'
        '"entityMap":{}}',
        "comments-TOTAL_FORMS": 0, "comments-INITIAL_FORMS": 0,
        "comments-MIN_NUM_FORMS": 0, "comments-MAX_NUM_FORMS": 1000,
    }
    if action:
        data[action] = "1"
    return data


def test_partner_author_can_edit_a_module_of_their_course(client, setup):
    client.force_login(setup["author"])
    module = setup["our_module"]
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, edit_data(module, "Reading a budget, revised"))
    assert response.status_code == 302, response.content.decode()[:2000]
    module.refresh_from_db()
    latest = module.get_latest_revision_as_object()
    assert latest.title == "Reading a budget, revised"
    assert module.title == "Reading a budget"  # draft only: the live page is unchanged
    assert setup["ours"] in latest.authors.all()  # their organisation is credited


def test_partner_author_can_add_a_module_to_their_course(client, setup):
    client.force_login(setup["author"])
    course = setup["our_course"]
    url = reverse("wagtailadmin_pages:add", args=["courses", "modulepage", course.pk])
    assert client.get(url).status_code == 200
    data = edit_data(ModulePage(slug="new-module"), "New module")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    new = ModulePage.objects.get(slug="new-module")
    assert not new.live


def test_partner_author_is_refused_on_another_partners_course(client, setup):
    client.force_login(setup["author"])
    module = setup["their_module"]
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    assert edit.status_code == 302
    add = client.get(reverse("wagtailadmin_pages:add",
                             args=["courses", "modulepage", setup["their_course"].pk]))
    assert add.status_code == 302
    post = client.post(reverse("wagtailadmin_pages:edit", args=[module.pk]),
                       edit_data(module, "Hijacked"))
    assert post.status_code == 302
    module.refresh_from_db()
    assert module.get_latest_revision_as_object().title == "Tenant rights"


def test_partner_author_cannot_edit_the_course_page_itself(client, setup):
    client.force_login(setup["author"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[setup["our_course"].pk]))
    assert response.status_code == 302


def test_partner_author_cannot_publish(client, setup):
    client.force_login(setup["author"])
    module = setup["our_module"]
    response = client.post(reverse("wagtailadmin_pages:edit", args=[module.pk]),
                           edit_data(module, "Published by partner?", "action-publish"))
    module.refresh_from_db()
    assert module.title == "Reading a budget"
    assert response.status_code == 302
    perms = module.permissions_for_user(setup["author"])
    assert perms.can_edit() and not perms.can_publish()


def test_workflow_partner_review_then_academy_approval(client, setup):
    module = setup["our_module"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[module.pk])

    client.force_login(setup["author"])
    response = client.post(edit_url, edit_data(module, "Budget basics", "action-submit"))
    assert response.status_code == 302
    module.refresh_from_db()
    state = module.current_workflow_state
    assert state is not None and state.current_task_state.task.name == "Partner review"

    # The submitter cannot approve their own draft; a colleague can.
    task_state = state.current_task_state
    assert not task_state.task.specific.get_actions(module, setup["author"])
    assert not task_state.task.specific.get_actions(module, setup["other_author"])
    assert task_state.task.specific.get_actions(module, setup["reviewer"])

    client.force_login(setup["reviewer"])
    url = reverse("wagtailadmin_pages:workflow_action",
                  args=[module.pk, "approve", task_state.pk])
    response = client.post(url, {})
    assert response.status_code in (200, 302)
    module.refresh_from_db()
    state = module.current_workflow_state
    assert state.current_task_state.task.name == "Academy approval"
    assert not module.live or module.title == "Reading a budget"

    client.force_login(setup["staff"])
    url = reverse("wagtailadmin_pages:workflow_action",
                  args=[module.pk, "approve", state.current_task_state.pk])
    client.post(url, {})
    module.refresh_from_db()
    assert module.title == "Budget basics"
    assert module.current_workflow_state is None
    assert "New text" in str(module.body)
    assert "Budget basics" in client.get(module.url).content.decode()


def test_revisions_are_kept(setup):
    module = setup["our_module"]
    module.body = stream([("text", "<p>v2</p>")])
    module.save_revision()
    assert module.revisions.count() >= 2
