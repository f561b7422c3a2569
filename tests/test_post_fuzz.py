"""Every POST form of the site against malformed values (issue 10: "no 500 on bad input").

The URLs come from the URL conf (the academy's, cohorts' and certificates' views, the
profile, allauth's login and sign-up, and the admin's cohort forms with their inline
sessions); the field names from the forms their pages render (and the forms other pages
post to them). Each is posted, as the person who may use it, with over-long strings, NUL
bytes, non-numeric and huge ids, dates in year 1 and 9999, empty values and Unicode
digits. No answer may be a 5xx, and no row may be left half-written: after every POST,
each row of the delivery models still passes its model validation. Every POST runs in a
savepoint that is rolled back, so each starts from the same data (and the test stays fast).
"""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from certificates import services as certificate_services
from certificates.models import Certificate
from cohorts.models import Attendance, Cohort, CohortEvent, Enrollment, EnrollmentEvent, Session
from cohorts.services import calendar_token_for
from tests.cohorts.conftest import facilitator, make_cohort  # noqa: F401 (fixture)
from tests.conftest import UserFactory, make_module

pytestmark = pytest.mark.django_db

MALFORMED = {
    "over-long": "x" * 100_000,
    "NUL, not a number": "ab\x00cd",
    "huge number": "9" * 5000,
    "int64 overflow": "99999999999999999999",
    "year 1": "0001-01-01 00:00",
    "year 9999": "9999-12-31 23:59",
    "empty": "",
    "unicode digits": "١٢٣²",
}

# The views the fuzz does not post to: files and feeds (GET only), and the allauth and
# Wagtail pages beyond login and sign-up (not our code, and their own tests cover them).
OWN_PREFIXES = ("cohorts/", "me/", "check-in/", "facilitate/", "certificates/")
ADMIN_FORMS = ["/admin/cohorts/cohort/new/", "/admin/cohorts/cohort/edit/{cohort}/",
               "/admin/cohorts/cohort/delete/{draft}/", "/admin/cohorts/enrollment/edit/{e}/"]
ACCOUNT_FORMS = ["/accounts/login/", "/accounts/signup/", "/me/profile/"]


class Forms(HTMLParser):
    """The POST forms of a page: {action URL: {field name: fixed value or None}}."""

    def __init__(self, page_url):
        super().__init__()
        self.page_url, self.forms, self.current = page_url, {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            action = attrs.get("action") or self.page_url
            self.current = self.forms.setdefault(action.split("?")[0], {})
        elif self.current is not None and tag in ("input", "select", "textarea", "button"):
            name = attrs.get("name")
            if not name or name == "csrfmiddlewaretoken":
                return
            fixed = attrs.get("value") if attrs.get("type") in ("hidden", "submit") or \
                tag == "button" else None
            if name in self.current and self.current[name] != fixed:
                self.current[name] = None  # several values (radios, actions): fuzz it
            else:
                self.current.setdefault(name, fixed)

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def own_routes():
    """(route, URL name, view) for every URL of the academy's own views."""

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern), p.name, p.callback

    return [r for r in walk(get_resolver().url_patterns) if r[0].startswith(OWN_PREFIXES)]


def accepts_post(callback):
    view_class = getattr(callback, "view_class", None)
    if view_class is None:
        return True  # a function view: ask it (405 is an answer too)
    return "post" in view_class.http_method_names and hasattr(view_class, "post")


@pytest.fixture
def world(course, facilitator, staff):  # noqa: F811
    """A running cohort with learners, marks, a certificate, a draft; the people who use
    each form."""
    module = make_module(course, "Reading the budget")
    cohort = make_cohort(course, "running", sessions=3, start_in_days=-8, capacity=3,
                         status="in_progress", facilitators=[facilitator])
    draft = make_cohort(course, "draft", sessions=1, status="draft")
    learners = [UserFactory() for _ in range(5)]
    enrollments = [Enrollment.objects.create(cohort=cohort, user=u, status=s) for u, s in
                   zip(learners, ["enrolled", "enrolled", "pending", "waitlisted",
                                  "completed"], strict=True)]
    session = cohort.sessions.first()
    Attendance.objects.create(session=session, enrollment=enrollments[0], status="present",
                              marked_at=timezone.now(), created_at=timezone.now())
    certificate = certificate_services.certificate_issue(
        enrollment=enrollments[4], actor=facilitator, override_reason="Fuzz")
    token = calendar_token_for(learners[0])
    return {
        "cohort": cohort, "draft": draft, "session": session, "enrollments": enrollments,
        "learner": learners[0], "facilitator": facilitator, "staff": staff,
        "module": module, "course": course, "certificate": certificate, "token": token,
    }


def fill(route, w):
    """A concrete URL for a route of the URL conf."""
    values = {
        "slug": w["cohort"].slug, "session_pk": w["session"].pk,
        "enrollment_pk": w["enrollments"][0].pk, "token": w["token"].token,
        "code": w["session"].check_in_code,
    }
    url = "/" + route
    if route.startswith("certificates/"):
        values["code"] = w["certificate"].code
    if "modules/<int:pk>" in route:
        values["pk"] = w["module"].pk
    elif "courses/<int:pk>" in route:
        values["pk"] = w["course"].pk
    else:
        values["pk"] = w["enrollments"][2].pk
    urls = []
    actions = ["open", "start", "explode"] if "state/<str:action>" in route else \
        ["approve", "decline", "promote", "remove", "explode"]
    for action in (actions if "<str:action>" in route else [None]):
        filled = url
        for name, value in {**values, "action": action}.items():
            filled = re.sub(rf"<(?:\w+:)?{name}>", str(value), filled)
        urls.append(filled)
    return urls


def who(url, w):
    if url.startswith(("/facilitate/", "/admin/")):
        return w["staff"] if "certificates" in url or url.startswith("/admin/") \
            else w["facilitator"]
    return w["learner"]


def delivery_rows_are_valid():
    """No half-written record: every row of the delivery models passes its field
    validation (lengths, choices, dates) and `clean()` (relations are the database's)."""
    problems = []
    for model in (Cohort, Session, Enrollment, EnrollmentEvent, Attendance, CohortEvent,
                  Certificate):
        relations = [f.name for f in model._meta.fields if f.is_relation]
        for row in model.objects.all():
            try:
                row.clean_fields(exclude=relations)
                row.clean()
            except Exception as exc:  # noqa: BLE001 - report every kind
                problems.append(f"{model.__name__} {row.pk}: {exc}")
    return problems


def test_every_post_form_survives_malformed_values(client, world):
    w = world
    client.raise_request_exception = False  # a 500 is an answer to count, not a crash
    # The POST URLs of the URL conf, and the field names their forms use.
    targets = {}
    for route, _name, callback in own_routes():
        if accepts_post(callback):
            for url in fill(route, w):
                targets.setdefault(url, {})
    for template in ADMIN_FORMS + ACCOUNT_FORMS:
        targets.setdefault(template.format(cohort=w["cohort"].pk, draft=w["draft"].pk,
                                           e=w["enrollments"][0].pk), {})
    pages = [u for u in targets if not u.startswith("/accounts/")] + [
        f"/facilitate/{w['cohort'].slug}/", f"/facilitate/{w['cohort'].slug}/roster/",
        f"/facilitate/{w['cohort'].slug}/certificates/", "/me/",
        f"/cohorts/{w['cohort'].slug}/",
    ]
    for page in pages:
        client.force_login(who(page, w))
        response = client.get(page)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = Forms(page)
        parser.feed(response.content.decode())
        for action, fields in parser.forms.items():
            if action in targets or action.startswith(("/facilitate/", "/me/", "/cohorts/")):
                targets.setdefault(action, {}).update(fields)
    client.logout()
    assert len(targets) >= 30, sorted(targets)  # the URL conf's forms, not a handful

    generic = {"message": None, "reason": None, "action": None, "enrollment": None,
               "certificate": None, "code": None, "note": None, "capacity": None}
    failures, posts = [], 0
    for url, fields in sorted(targets.items()):
        fields = fields or generic
        variants = [{}] + [{"action": v} for v in {fields.get("action")} - {None}]
        user = who(url, w)
        for label, bad in MALFORMED.items():
            for fixed in variants:
                data = {name: (fixed.get(name) or bad) for name in fields}
                # A formset's counts stay as the page sent them: a count in the billions
                # only makes Django build its 2,000-form maximum (slow, and not a 5xx);
                # tests/cohorts/test_bad_input.py tampers with them on their own.
                data.update({name: value for name, value in fields.items()
                             if name.endswith("_FORMS") and value is not None})
                if "report" in data:  # the import's upload
                    data["report"] = SimpleUploadedFile("r.csv", bad.encode())
                if url.startswith("/accounts/"):
                    client.logout()
                else:
                    client.force_login(user)
                with transaction.atomic():
                    response = client.post(url, data)
                    posts += 1
                    if response.status_code >= 500:
                        failures.append(f"{url} {label}: {response.status_code}")
                    elif problems := delivery_rows_are_valid():
                        failures.append(f"{url} {label}: half-written {problems[:3]}")
                    transaction.set_rollback(True)
    assert failures == [], "\n".join(failures[:40])
    assert posts >= 300


def test_a_session_time_typed_in_year_1_or_9999_is_a_message(client, world):
    """The facilitator's session form (times typed in the cohort's zone)."""
    w = world
    client.force_login(w["facilitator"])
    url = f"/facilitate/{w['cohort'].slug}/sessions/{w['session'].pk}/change/"
    before = (w["session"].starts_at, w["session"].ends_at)
    for starts, ends in (("0001-01-01T10:00", "0001-01-01T11:00"),
                         ("9999-12-31T22:00", "9999-12-31T23:00")):
        response = client.post(url, {"action": "move", "starts_at": starts, "ends_at": ends})
        assert response.status_code == 400
        assert "between 2000 and 2100" in response.content.decode()
    w["session"].refresh_from_db()
    assert (w["session"].starts_at, w["session"].ends_at) == before
    assert w["session"].starts_at - before[0] == timedelta(0)
