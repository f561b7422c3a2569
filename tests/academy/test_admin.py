"""Staff manage people and partner organisations in the Wagtail admin."""

import pytest
from django.urls import reverse

from academy.models import Organization, User
from courses.models import CoursePage
from tests.conftest import make_course

pytestmark = pytest.mark.django_db


def test_staff_create_an_organisation_and_its_author_group(client, staff, catalog):
    client.force_login(staff)
    response = client.post(
        reverse("organizations:add"),
        {"name": "Neighborhood Power Project", "slug": "npp", "website": "",
         "description": "Trains tenant leaders."},
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    org = Organization.objects.get(slug="npp")
    assert org.authors_group is not None
    assert org.authors_group.permissions.filter(codename="access_admin").exists()


def test_course_co_authors_grant_page_permissions(staff, catalog):
    org = Organization.objects.create(name="Budget Lab", slug="budget-lab")
    course = make_course(catalog, "Budgets", co_authors=[org])
    from courses.permissions import organization_sync_authoring

    group = organization_sync_authoring(organization=org)
    perms = set(group.page_permissions.values_list("page_id", "permission__codename"))
    assert perms == {(course.pk, "add_page"), (course.pk, "change_page")}
    # Removing the co-author removes the rights.
    course.co_authors.clear()
    course.save_revision().publish()
    organization_sync_authoring(organization=org)
    assert not group.page_permissions.exists()
    assert CoursePage.objects.count() == 1


def test_staff_edit_a_users_profile_in_the_admin(client, staff, official):
    client.force_login(staff)
    url = reverse("wagtailusers_users:edit", args=[official.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("jurisdiction_name", "jurisdiction_type", "state", "time_zone",
                  "organization", "pronouns"):
        assert f'name="{field}"' in html, field
    data = {
        "email": official.email, "first_name": "Rosa", "last_name": "Díaz",
        "jurisdiction_name": "Dane County", "jurisdiction_type": "county", "state": "WI",
        "time_zone": "America/Chicago", "preferred_language": "es",
        "is_active": "on", "password1": "", "password2": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    official.refresh_from_db()
    assert official.jurisdiction_name == "Dane County"


def test_officials_cannot_open_the_admin(client, official):
    client.force_login(official)
    response = client.get("/admin/")
    assert response.status_code == 403  # a page saying so (tests/academy/test_admin_login.py)
    assert User.objects.get(pk=official.pk).is_staff is False
