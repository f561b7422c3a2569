"""Real-browser tests: Playwright for Python driving Debian's Chromium.

No `playwright install`: the browser is /usr/bin/chromium (`apt-get install -y chromium`,
which `WITH_BROWSER=1 make setup` and .ci/run do). Without it these tests skip with a
reason saying how to install it; with E2E_REQUIRED=1 (set by .ci/run) they fail instead.
A failing test leaves a screenshot in test-artifacts/.
"""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls our fixtures
# make from the same thread are safe (they do not share a connection with the server).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
INSTALL_HINT = (
    f"Chromium not found at {CHROMIUM}: install it with `sudo apt-get install -y chromium` "
    "(or `WITH_BROWSER=1 make setup`), or set CHROMIUM_PATH"
)


def browser_available():
    if not Path(CHROMIUM).exists():
        return False
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    # Screenshots are pictures for people (`make screenshots`), not a check: every page
    # they show is loaded, at both widths, by test_phone_width and test_csp.
    if os.environ.get("SCREENSHOTS") != "1":
        shots = [i for i in items if Path(str(i.fspath)).name == "test_screenshots.py"]
        if shots:
            config.hook.pytest_deselected(items=shots)
            items[:] = [i for i in items if i not in shots]
    e2e_items = [i for i in items if Path(str(i.fspath)).is_relative_to(here)]
    for item in e2e_items:
        item.add_marker(pytest.mark.e2e)
    if browser_available():
        return
    if os.environ.get("E2E_REQUIRED") == "1":
        for item in e2e_items:
            item.add_marker(pytest.mark.usefixtures("_browser_required"))
    else:
        for item in e2e_items:
            item.add_marker(pytest.mark.skip(reason=INSTALL_HINT))


@pytest.fixture
def _browser_required():
    pytest.fail(f"E2E_REQUIRED=1 but {INSTALL_HINT}")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def _new_page(browser, request, *, java_script_enabled=True, width=1280, height=900):
    context = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=java_script_enabled
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    request.addfinalizer(lambda: _finish(request, context, page))
    return page


def _finish(request, context, page):
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-150:]
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception:  # noqa: BLE001 - best effort on an already failing test
            pass
    context.close()


@pytest.fixture
def page(browser, request, transactional_db):
    return _new_page(browser, request)


@pytest.fixture
def no_js_page(browser, request, transactional_db):
    return _new_page(browser, request, java_script_enabled=False)


@pytest.fixture
def new_page(browser, request, transactional_db):
    """Factory for extra pages (a second person in the same test)."""
    return lambda **kw: _new_page(browser, request, **kw)


def login(page, base_url, email, password, *, totp=None):
    """Log in through the form; `totp` (a function giving the authenticator app's code,
    tests.conftest.totp_code) answers the two-factor step of staff and partner authors."""
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    if totp is not None:
        page.get_by_label("Code").fill(totp())
        page.get_by_role("button", name="Log in").click()
        page.wait_for_load_state()


def assert_accessible(page, what=""):
    """axe-core: no violation of impact serious or critical. Names the rule and elements."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [
        v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")
    ]
    if bad:
        lines = []
        for v in bad:
            targets = [", ".join(n["target"]) for n in v["nodes"][:5]]
            lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
        pytest.fail(f"axe violations on {what or page.url}:\n" + "\n".join(lines))
    return results


def fill_form(page, values):
    """Fill a form the way a person does: by each field's visible label. A `select:` prefix
    chooses an option; a `#id` key targets a field without a unique label."""
    for label, value in values.items():
        field = page.locator(label) if label.startswith("#") else page.get_by_label(label)
        if value.startswith("select:"):
            field.select_option(value.removeprefix("select:"))
        else:
            field.fill(value)
