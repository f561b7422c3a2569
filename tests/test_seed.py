"""seed_demo builds the whole demo and can run twice."""

import pytest
from django.core.management import call_command

from academy.models import Organization, User
from courses.models import CoursePage, ModulePage

pytestmark = pytest.mark.django_db


def test_seed_demo_is_complete_and_idempotent(client):
    call_command("seed_demo", "--quiet-logins")
    counts = (User.objects.count(), CoursePage.objects.count(), ModulePage.objects.count())
    call_command("seed_demo", "--quiet-logins")
    assert (User.objects.count(), CoursePage.objects.count(),
            ModulePage.objects.count()) == counts

    assert CoursePage.objects.live().count() >= 4
    for course in CoursePage.objects.all():
        assert ModulePage.objects.child_of(course).live().count() >= 3
    partners = Organization.objects.filter(is_academy=False)
    assert partners.count() >= 3
    assert all(org.authors_group and org.authors_group.user_set.exists() for org in partners)
    assert User.objects.filter(is_staff=True).exists()
    officials = User.objects.filter(is_staff=False, organization__isnull=True)
    assert officials.values("state").distinct().count() >= 5
    assert officials.values("jurisdiction_type").distinct().count() >= 4

    # The demo site serves its pages.
    assert client.get("/").status_code == 200
    assert client.get("/catalog/").status_code == 200
    module = ModulePage.objects.live().first()
    assert client.get(module.url).status_code == 200
