"""Every page at phone width (390 px) without sideways scrolling, and at 1280 px as
before, as a visitor, an official and a facilitator on the seeded site; axe reports no
serious or critical finding on any of them. Wide tables are labelled, keyboard-focusable
scroll regions (the table scrolls, never the page) with the name column kept in view."""

import pytest
from django.core.management import call_command

from academy.demo import DEMO_PASSWORD
from cohorts.models import Cohort
from courses.models import CoursePage, ModulePage

from .conftest import assert_accessible, login

PHONE, DESKTOP = (390, 844), (1280, 900)


def visitor_pages():
    pages = {"home": "/", "catalog": "/catalog/", "catalog search": "/catalog/?q=budget",
             "log in": "/accounts/login/", "sign up": "/accounts/signup/",
             "password reset": "/accounts/password/reset/"}
    for course in CoursePage.objects.live().order_by("title")[:2]:
        pages[f"course {course.slug}"] = course.url
        module = ModulePage.objects.live().child_of(course).first()
        pages[f"module {module.slug}"] = module.url
    for cohort in Cohort.objects.visible().order_by("slug")[:3]:
        pages[f"cohort {cohort.slug}"] = f"/cohorts/{cohort.slug}/"
    return pages


OFFICIAL_PAGES = {
    "my learning": "/me/", "profile": "/me/profile/", "check-in": "/check-in/",
    "account email": "/accounts/email/", "change password": "/accounts/password/change/",
}


def facilitator_pages():
    """The first demo facilitator's pages (a running cohort, an approval cohort)."""
    running = Cohort.objects.get(slug="organizer-fall-2026")
    applicants = Cohort.objects.get(slug="worker-power-southwest")
    session = running.sessions.order_by("starts_at").first()
    base, s = f"/facilitate/{running.slug}", f"/facilitate/{running.slug}/sessions/{session.pk}"
    return {
        "dashboard": "/facilitate/",
        "cohort": f"{base}/",
        "applicants": f"/facilitate/{applicants.slug}/",
        "roster": f"{base}/roster/",
        "grid": f"{base}/attendance/",
        "sessions": f"{base}/sessions/",
        "session": f"{s}/",
        "attendance sheet": f"{s}/attendance/",
        "live check-in": f"{s}/live/",
        "import": f"{s}/import/",
        "move a session": f"{s}/change/",
        "announce": f"{base}/announce/",
        "history": f"{base}/history/",
        "cancel": f"{base}/cancel/",
    }


def closing_pages():
    """The second demo facilitator's: a cohort to close, a finished one's certificates."""
    closing = Cohort.objects.get(slug="public-safety-fall-2026")
    finished = Cohort.objects.get(slug="housing-summer-2026")
    return {
        "dashboard 2": "/facilitate/",
        "close": f"/facilitate/{closing.slug}/close/",
        "finished cohort": f"/facilitate/{finished.slug}/",
        "finished roster": f"/facilitate/{finished.slug}/roster/",
        "certificates": f"/facilitate/{finished.slug}/certificates/",
    }


@pytest.fixture
def demo(transactional_db):
    from tests.conftest import ensure_wagtail_roots

    ensure_wagtail_roots()
    call_command("seed_demo", "--quiet-logins")


def overflow(page):
    """How far the page scrolls sideways, and what sticks out (for the message)."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const out = el => el.getBoundingClientRect().right > width + 1;
        // The outermost elements that stick out (their parent does not).
        const wide = [...document.querySelectorAll('body *')].filter(el =>
            out(el) && el.parentElement && !out(el.parentElement)
        ).slice(0, 4).map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
            (typeof el.className === 'string' && el.className ? '.' + el.className : ''));
        return {scroll: document.documentElement.scrollWidth, wide};
    }""")


def check(page, base_url, pages, width, problems, *, axe):
    for name, url in pages.items():
        response = page.goto(base_url + url)
        if response.status != 200:
            problems.append(f"{name} ({url}): status {response.status}")
            continue
        found = overflow(page)
        if found["scroll"] > width:
            problems.append(f"{name} ({url}) at {width}px: {found['scroll']}px {found['wide']}")
        if axe:
            assert_accessible(page, f"{name} at {width}px")


def test_no_page_scrolls_sideways_on_a_phone(live_server, new_page, demo):
    """One seeded site for all of it (seeding costs more than a dozen page views)."""
    problems = []
    for (width, height), axe in ((PHONE, True), (DESKTOP, False)):
        page = new_page(width=width, height=height)
        check(page, live_server.url, visitor_pages(), width, problems, axe=axe)
        login(page, live_server.url, "official1@example.org", DEMO_PASSWORD)
        check(page, live_server.url, OFFICIAL_PAGES, width, problems, axe=axe)
        page = new_page(width=width, height=height)
        login(page, live_server.url, "facilitator@academy.example.org", DEMO_PASSWORD)
        check(page, live_server.url, facilitator_pages(), width, problems, axe=axe)
        page = new_page(width=width, height=height)
        login(page, live_server.url, "facilitator2@academy.example.org", DEMO_PASSWORD)
        check(page, live_server.url, closing_pages(), width, problems, axe=axe)
        if width == PHONE[0]:
            assert_wide_tables_scroll_in_labelled_regions(page, live_server.url)
    assert not problems, "\n".join(problems)


def assert_wide_tables_scroll_in_labelled_regions(page, base_url):
    """Wide tables are labelled, keyboard-focusable scroll regions (the table scrolls, never
    the page), and the grid keeps the learner's name in view (facilitator2, at 390 px)."""
    pages = {**facilitator_pages(), **closing_pages()}
    for name in ("dashboard", "finished roster", "certificates"):
        page.goto(base_url + pages[name])
        tables = page.locator("main table")
        assert tables.count(), name
        for i in range(tables.count()):
            region = tables.nth(i).locator("xpath=ancestor::*[@role='region'][1]")
            assert region.count() == 1, f"{name}: table {i} is not in a scroll region"
            assert region.get_attribute("tabindex") == "0", name
            assert region.get_attribute("aria-label") or region.get_attribute(
                "aria-labelledby"), name
    # The grid keeps the learner's name in view while its sessions scroll.
    page.goto(base_url + pages["grid"])
    assert page.locator("main table").count()
    first = page.locator("main table tbody tr th").first
    before = first.bounding_box()["x"]
    region = page.locator("main table").first.locator("xpath=ancestor::*[@role='region'][1]")
    region.evaluate("el => el.scrollLeft = 200")
    assert region.evaluate("el => el.scrollLeft") > 0  # the table scrolls, not the page
    assert abs(first.bounding_box()["x"] - before) < 2
    # Keyboard: the region takes focus and scrolls with the arrow keys.
    region.evaluate("el => el.scrollLeft = 0")
    region.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())


def test_no_spanish_page_scrolls_sideways_on_a_phone(live_server, new_page, demo):
    """The same pages in Spanish (longer words, longer buttons) at 390 px, with axe."""
    problems = []

    def es(pages):
        return {n: u if u.startswith("/es/") else "/es" + u for n, u in pages.items()}

    spanish = es(visitor_pages())
    spanish["spanish course"] = "/es/catalog/governing-as-an-organizer/"
    page = new_page(width=PHONE[0], height=PHONE[1])
    check(page, live_server.url, spanish, PHONE[0], problems, axe=True)
    login(page, live_server.url, "official28@example.org", DEMO_PASSWORD)
    check(page, live_server.url, es(OFFICIAL_PAGES), PHONE[0], problems, axe=True)
    page = new_page(width=PHONE[0], height=PHONE[1])
    login(page, live_server.url, "facilitator@academy.example.org", DEMO_PASSWORD)
    check(page, live_server.url, es(facilitator_pages()), PHONE[0], problems, axe=True)
    page = new_page(width=PHONE[0], height=PHONE[1])
    login(page, live_server.url, "facilitator2@academy.example.org", DEMO_PASSWORD)
    check(page, live_server.url, es(closing_pages()), PHONE[0], problems, axe=True)
    assert not problems, "\n".join(problems)
