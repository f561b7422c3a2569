"""Where people land after logging in (academy.accounts.landing_page), and who is asked to
complete their profile."""

import pytest
from django.urls import reverse

from courses.permissions import organization_sync_authoring
from tests.conftest import PASSWORD, OrganizationFactory, UserFactory, totp_code

from .conftest import make_cohort

pytestmark = pytest.mark.django_db

PROFILE_PROMPT = "complete your profile"


def log_in(client, user, next_url=None):
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    response = client.post(url, {"login": user.email, "password": PASSWORD})
    if response["Location"] == reverse("mfa_authenticate"):
        response = client.post(response["Location"], {"code": totp_code()})
    return response["Location"]


def test_officials_land_in_my_learning(client, official, site_tree):
    assert log_in(client, official) == "/me/"


def test_facilitators_land_in_their_workspace(client, cohort, facilitator):
    assert log_in(client, facilitator) == "/facilitate/"


def test_staff_and_partner_authors_land_in_the_admin(client, staff, site_tree):
    assert log_in(client, staff) == "/admin/"
    org = OrganizationFactory(name="Budget Lab", slug="budget-lab")
    author = UserFactory(organization=org, mfa=True)
    author.groups.add(organization_sync_authoring(organization=org))
    client.logout()
    assert log_in(client, author) == "/admin/"


def test_the_page_asked_for_still_wins(client, cohort, facilitator):
    assert log_in(client, facilitator, next_url="/catalog/") == "/catalog/"


def test_only_learners_are_asked_to_complete_their_profile(client, course, facilitator):
    official = UserFactory(jurisdiction_name="")
    staff = UserFactory(is_staff=True, jurisdiction_name="")
    facilitator.jurisdiction_name = ""
    facilitator.save()
    cohort = make_cohort(course, facilitators=[facilitator])

    client.force_login(official)
    assert PROFILE_PROMPT in client.get("/me/").content.decode()
    for person in (facilitator, staff):
        client.force_login(person)
        assert PROFILE_PROMPT not in client.get("/me/").content.decode(), person
    # A facilitator who takes a course themselves is a learner there.
    other = make_cohort(course, slug="other-cohort")
    other.enrollments.create(user=facilitator, status="enrolled")
    client.force_login(facilitator)
    assert PROFILE_PROMPT in client.get("/me/").content.decode()
    assert cohort.facilitators.filter(pk=facilitator.pk).exists()
