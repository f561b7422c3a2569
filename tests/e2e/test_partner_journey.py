"""Journey 3: a partner author edits a module of their course in the Wagtail admin and
submits it for review; they cannot reach another partner's course; a partner colleague
and then academy staff approve it; the change is live on the public page."""

import re

import pytest
from playwright.sync_api import expect

from academy.models import Organization
from courses.demo import seed_staff_group, seed_workflow
from courses.permissions import organization_sync_authoring
from tests.conftest import PASSWORD, UserFactory, make_course, make_module, totp_code

from .conftest import login


@pytest.fixture
def authoring(site_tree):
    home, catalog = site_tree
    ours = Organization.objects.create(name="Commonground Institute", slug="commonground")
    theirs = Organization.objects.create(name="Rootline Alliance", slug="rootline")
    our_course = make_course(catalog, "Budgets", co_authors=[ours])
    their_course = make_course(catalog, "Worker power", co_authors=[theirs])
    module = make_module(our_course, "Reading the budget")
    their_module = make_module(their_course, "Wage boards")
    people = {}
    for org in (ours, theirs):
        group = organization_sync_authoring(organization=org)
        for role in ("author", "reviewer"):
            user = UserFactory(
                email=f"{role}@{org.slug}.example.org", organization=org, mfa=True
            )
            user.groups.add(group)
            people[(org.slug, role)] = user
    staff_group = seed_staff_group()
    staff = UserFactory(
        email="staff@academy.example.org", is_staff=True, is_superuser=True, mfa=True
    )
    staff.groups.add(staff_group)
    seed_workflow(catalog, staff_group, lambda *_: None)
    return {"module": module, "their_module": their_module, "their_course": their_course,
            "author": people[("commonground", "author")],
            "reviewer": people[("commonground", "reviewer")], "staff": staff}


def approve(page, base, module_pk):
    page.goto(f"{base}/admin/pages/{module_pk}/edit/")
    page.get_by_role("button", name=re.compile("More actions")).first.click()
    page.get_by_role("button", name=re.compile(r"^Approve")).first.click()
    page.wait_for_load_state()


def test_partner_author_submits_and_staff_publish(live_server, page, new_page, authoring):
    base = live_server.url
    module = authoring["module"]

    login(page, base, authoring["author"].email, PASSWORD, totp=totp_code)
    page.goto(f"{base}/admin/pages/{module.pk}/edit/")
    title = page.locator("#id_title")
    title.fill("Reading the budget, line by line")
    page.get_by_role("button", name=re.compile("More actions")).first.click()
    page.get_by_role("button", name=re.compile("Submit to Partner curriculum review")).click()
    expect(page.get_by_text("live + in moderation").first).to_be_visible()
    module.refresh_from_db()
    assert module.current_workflow_state.current_task_state.task.name == "Partner review"

    # The partner cannot reach another partner's course in the editor.
    response = page.goto(f"{base}/admin/pages/{authoring['their_module'].pk}/edit/")
    assert response.status == 403 or "/edit/" not in page.url  # refused, sent to the dashboard
    expect(page.locator("#id_title")).to_have_count(0)
    expect(page.get_by_text("Sorry, you do not have permission")).to_be_visible()
    page.goto(f"{base}/admin/pages/{authoring['their_course'].pk}/")
    expect(page.get_by_role("link", name="Wage boards")).to_have_count(0)

    # Not live yet.
    public = new_page()
    public.goto(base + module.url)
    expect(public.get_by_role("heading", level=1)).to_have_text("Reading the budget")

    # A colleague at the partner reviews, then academy staff approve.
    reviewer = new_page()
    login(reviewer, base, authoring["reviewer"].email, PASSWORD, totp=totp_code)
    approve(reviewer, base, module.pk)
    staff = new_page()
    login(staff, base, authoring["staff"].email, PASSWORD, totp=totp_code)
    approve(staff, base, module.pk)

    public.goto(base + module.url)
    expect(public.get_by_role("heading", level=1)).to_have_text(
        "Reading the budget, line by line"
    )
