"""Staff open the impact report in the admin, read it at desktop and phone widths (axe,
no sideways scroll, keyboard to a state tile) and download the annual PDF."""

import os
from pathlib import Path

import pytest

from tests.conftest import PASSWORD, UserFactory, totp_code
from tests.reports.conftest import academy_year  # noqa: F401 - the hand-counted year

from .conftest import assert_accessible, login

OUT = Path(os.environ.get("SCREENSHOTS_DIR", Path(__file__).resolve().parents[2] / "screenshots"))


@pytest.mark.e2e
def test_staff_read_the_report_and_download_the_pdf(live_server, page, academy_year):  # noqa: F811
    staff = UserFactory(email="impact-staff@example.org", is_staff=True, is_superuser=True,
                        mfa=True)
    base = live_server.url
    login(page, base, staff.email, PASSWORD, totp=totp_code)
    page.goto(f"{base}/admin/impact/?start=2026-01-01&end=2026-12-31")
    assert page.get_by_role("heading", name="Impact report 2026").is_visible()
    assert page.locator("svg.impact-chart").count() == 3
    assert_accessible(page, "impact report")
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "impact-1280.png"), full_page=True)
    for section in ("states", "jurisdictions", "courses", "months"):
        page.locator(f"section[aria-labelledby='{section}-heading']").screenshot(
            path=str(OUT / f"impact-{section}-1280.png"))

    # The Illinois tile is a link a keyboard reaches, to Illinois' breakdown.
    tile = page.get_by_role("link", name="Illinois: 2 officials trained")
    tile.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**state=IL**")
    assert page.get_by_role("heading", name="Impact report 2026: Illinois").is_visible()

    # The PDF: one click, then the download link (the task ran after the commit).
    page.goto(f"{base}/admin/impact/?start=2026-01-01&end=2026-12-31")
    page.get_by_role("button", name="Prepare the PDF").click()
    page.wait_for_load_state()
    link = page.get_by_role("link", name="Impact report 2026 (PDF)")
    with page.expect_download() as info:
        link.click()
    path = info.value.path()
    assert Path(path).read_bytes().startswith(b"%PDF")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/admin/impact/?start=2026-01-01&end=2026-12-31")
    sideways = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert sideways <= 0, f"the page scrolls sideways by {sideways}px at 390px"
    assert_accessible(page, "impact report at 390px")
    page.screenshot(path=str(OUT / "impact-390.png"), full_page=True)
