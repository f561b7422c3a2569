"""Officials record the bodies they serve on and their terms on /me/profile/."""

from datetime import date

import pytest
from django.urls import reverse

from academy.models import Body, BodyMembership
from academy.services import BodyError, MembershipRow, body_memberships_save

PROFILE = {
    "first_name": "Rosa", "last_name": "Díaz", "jurisdiction_name": "Leon County",
    "jurisdiction_type": "county", "state": "FL", "time_zone": "America/New_York",
    "preferred_language": "en",
}


def formset(*rows, initial=0):
    data = {
        "bodies-TOTAL_FORMS": str(len(rows)), "bodies-INITIAL_FORMS": str(initial),
        "bodies-MIN_NUM_FORMS": "0", "bodies-MAX_NUM_FORMS": "20",
    }
    for index, row in enumerate(rows):
        data.update({f"bodies-{index}-{key}": value for key, value in row.items()})
    return data


COMMISSION = {
    "body_name": "Leon County Commission", "body_type": "county", "state": "FL",
    "seats": "7", "seat": "County Commissioner, District 2", "oath_date": "2024-11-19",
}
SCHOOL_BOARD = {
    "body_name": "Leon County School Board", "body_type": "school_board", "state": "FL",
    "seats": "5", "election_date": "2022-08-23", "oath_date": "2022-11-22",
}


def test_an_official_records_two_bodies_on_the_profile(client, official):
    client.force_login(official)
    response = client.post(reverse("profile"), PROFILE | formset(COMMISSION, SCHOOL_BOARD))
    assert response.status_code == 302
    terms = list(BodyMembership.objects.filter(user=official).select_related("body"))
    assert [(t.body.name, t.body.seats, t.oath_date) for t in terms] == [
        ("Leon County Commission", 7, date(2024, 11, 19)),
        ("Leon County School Board", 5, date(2022, 11, 22)),
    ]
    page = client.get(reverse("profile")).content.decode()
    assert 'value="Leon County Commission"' in page
    assert "<legend" in page and "Bodies you serve on" in page


def test_two_officials_naming_the_same_body_share_it(client, official, user_factory):
    other = user_factory()
    body_memberships_save(user=other, rows=[MembershipRow(
        body_name="leon county commission", body_type="county", state="FL", seats=7,
        oath_date=date(2022, 11, 22))])
    client.force_login(official)
    client.post(reverse("profile"), PROFILE | formset(COMMISSION))
    assert Body.objects.count() == 1
    assert Body.objects.get().memberships.count() == 2


def test_another_seat_count_for_a_body_on_file_is_a_form_message(client, official):
    Body.objects.create(name="Leon County Commission", body_type="county", state="FL", seats=5)
    client.force_login(official)
    response = client.post(reverse("profile"), PROFILE | formset(COMMISSION))
    assert response.status_code == 200
    assert "is on file with 5 seats" in response.content.decode()
    assert not BodyMembership.objects.exists()
    official.refresh_from_db()
    assert official.state == "IL"  # nothing saved, the profile neither


@pytest.mark.parametrize("change, message", [
    ({"oath_date": ""}, "Give the oath date or the election date"),
    ({"left_on": "2020-01-01"}, "cannot leave office before the term starts"),
    ({"seats": "0"}, "greater than or equal to 1"),
    ({"oath_date": "1850-01-01"}, "Choose a date between 1950 and 2100"),
])
def test_bad_terms_are_form_messages(client, official, change, message):
    client.force_login(official)
    response = client.post(reverse("profile"), PROFILE | formset(COMMISSION | change))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BodyMembership.objects.exists()


def test_a_term_is_edited_and_deleted(client, official):
    client.force_login(official)
    client.post(reverse("profile"), PROFILE | formset(COMMISSION, SCHOOL_BOARD))
    first, second = BodyMembership.objects.filter(user=official).order_by("pk")
    data = PROFILE | formset(
        COMMISSION | {"id": str(first.pk), "left_on": "2026-01-05"},
        SCHOOL_BOARD | {"id": str(second.pk), "DELETE": "on"},
        initial=2,
    )
    assert client.post(reverse("profile"), data).status_code == 302
    assert list(BodyMembership.objects.filter(user=official).values_list("left_on", flat=True)) \
        == [date(2026, 1, 5)]


def test_nobody_edits_another_officials_term(official, user_factory):
    other = user_factory()
    [term] = body_memberships_save(user=other, rows=[MembershipRow(
        body_name="Leon County Commission", body_type="county", state="FL", seats=7,
        oath_date=date(2022, 11, 22))])
    with pytest.raises(BodyError, match="no longer on file"):
        body_memberships_save(user=official, rows=[MembershipRow(
            body_name="X", body_type="city", state="FL", seats=5,
            oath_date=date(2022, 1, 1), pk=term.pk, delete=True)])
    assert BodyMembership.objects.filter(pk=term.pk).exists()


def test_the_profile_page_queries_do_not_grow_with_terms(client, official):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(official)
    client.post(reverse("profile"), PROFILE | formset(COMMISSION))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("profile"))
    client.post(reverse("profile"), PROFILE | formset(
        COMMISSION, SCHOOL_BOARD, SCHOOL_BOARD | {"oath_date": "2026-11-17"}))
    with CaptureQueriesContext(connection) as three:
        client.get(reverse("profile"))
    # the terms and their bodies in one query, however many the official has
    assert len(three) == len(one)
