"""Staff edit public bodies and terms in the admin, and tag courses for requirements."""

from datetime import date

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from academy.models import Body, BodyMembership
from courses.models import CoursePage
from tests.conftest import make_course


def test_staff_correct_a_bodys_seats(client, staff):
    body = Body.objects.create(name="Leon County Commission", body_type="county", state="FL",
                               seats=5)
    client.force_login(staff)
    assert "Leon County Commission" in client.get("/admin/bodies/").content.decode()
    response = client.post(f"/admin/bodies/edit/{body.pk}/", {
        "name": body.name, "body_type": "county", "state": "FL", "seats": "7", "quorum": "",
    })
    assert response.status_code == 302, response.content.decode()[:1500]
    body.refresh_from_db()
    assert body.seats == 7


def test_a_term_in_the_admin_follows_the_profile_rule(client, staff, official):
    body = Body.objects.create(name="Leon County Commission", body_type="county", state="FL",
                               seats=7)
    client.force_login(staff)
    data = {"user": official.pk, "body": body.pk, "seat": "", "oath_date": "",
            "election_date": "", "left_on": ""}
    response = client.post("/admin/body-terms/new/", data)
    assert response.status_code == 200
    assert "Give the oath date or the election date" in response.content.decode()
    response = client.post("/admin/body-terms/new/", data | {"oath_date": "2024-11-19"})
    assert response.status_code == 302
    assert BodyMembership.objects.get().oath_date == date(2024, 11, 19)


def test_staff_tag_a_course_with_topics_and_requirements(client, staff, catalog):
    course = make_course(catalog)
    client.force_login(staff)
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    html = client.get(url).content.decode()
    assert "Training topics covered" in html and "Fla. Stat. §112.3142" in html
    data = nested_form_data({
        "title": course.title, "slug": course.slug, "summary": course.summary,
        "outcomes": streamfield([("outcome", "Read a budget")]),
        "format": course.format, "estimated_hours": "6", "image": "", "image_alt": "",
        "comments": inline_formset([]),
    })
    data["training_topics"] = ["ethics", "open-meetings"]
    data["counts_toward"] = ["fl-ethics-annual"]
    data["action-publish"] = "publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    course = CoursePage.objects.get(pk=course.pk)
    assert course.training_topics == ["ethics", "open-meetings"]
    assert course.counts_toward == ["fl-ethics-annual"]
