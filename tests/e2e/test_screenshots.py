"""PNG screenshots of the main pages at desktop (1280) and phone (390) widths, every
facilitator page included (`make screenshots`).

Runs only when asked (SCREENSHOTS=1, as `make screenshots` sets): each page must load in a
real browser with no console error. Pictures go to screenshots/ (or SCREENSHOTS_DIR)."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from academy.demo import DEMO_PASSWORD
from courses.models import CoursePage, ModulePage

from .conftest import login

OUT = Path(os.environ.get("SCREENSHOTS_DIR", Path(__file__).resolve().parents[2] / "screenshots"))
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def public_pages():
    course = CoursePage.objects.live().order_by("title").first()
    module = ModulePage.objects.live().child_of(course).first()
    return {
        "home": "/",
        "catalog": "/catalog/",
        "catalog-search": "/catalog/?q=budget",
        "course": course.url,
        "module": module.url,
        "signup": "/accounts/signup/",
        "login": "/accounts/login/",
    }


LEARNER_PAGES = {"my-learning": "/me/", "profile": "/me/profile/", "check-in": "/check-in/"}


def facilitator_pages():
    from cohorts.models import Cohort

    cohort = Cohort.objects.filter(status="in_progress").order_by("slug").first()
    session = cohort.sessions.order_by("starts_at").first()
    base = f"/facilitate/{cohort.slug}"
    return {
        "cohort": f"/cohorts/{cohort.slug}/",
        "facilitate": "/facilitate/",
        "facilitate-applicants": f"{base}/",
        "facilitate-roster": f"{base}/roster/",
        "facilitate-sheet": f"{base}/sessions/{session.pk}/attendance/",
        "facilitate-projector": f"{base}/sessions/{session.pk}/live/projector/",
        "facilitate-grid": f"{base}/attendance/",
        "facilitate-certificates": f"{base}/certificates/",
        "facilitate-sessions": f"{base}/sessions/",
        "facilitate-session": f"{base}/sessions/{session.pk}/",
        "facilitate-session-change": f"{base}/sessions/{session.pk}/change/",
        "facilitate-live": f"{base}/sessions/{session.pk}/live/",
        "facilitate-history": f"{base}/history/",
        "facilitate-announce": f"{base}/announce/",
        "facilitate-close": f"{base}/close/",
        "facilitate-cancel": f"{base}/cancel/",
    }


@pytest.fixture
def demo(transactional_db):
    from tests.conftest import ensure_wagtail_roots

    ensure_wagtail_roots()
    call_command("seed_demo", "--quiet-logins")


def test_screenshots(live_server, new_page, demo):
    OUT.mkdir(exist_ok=True)
    for width in WIDTHS:
        shoot(live_server, new_page, width)


def shoot(live_server, new_page, width):
    w, h = WIDTHS[width]
    page = new_page(width=w, height=h)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for name, url in public_pages().items():
        response = page.goto(live_server.url + url)
        assert response.status == 200, (name, response.status)
        page.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=True)
    login(page, live_server.url, "official1@example.org", DEMO_PASSWORD)
    for name, url in LEARNER_PAGES.items():
        response = page.goto(live_server.url + url)
        assert response.status == 200, (name, response.status)
        page.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=True)
    page = new_page(width=w, height=h)  # a fresh browser context for the facilitator
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    login(page, live_server.url, "facilitator@academy.example.org", DEMO_PASSWORD)
    for name, url in facilitator_pages().items():
        response = page.goto(live_server.url + url)
        assert response.status == 200, (name, response.status)
        page.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=True)
    assert not errors, errors
