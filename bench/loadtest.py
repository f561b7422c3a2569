"""Load test at the academy's real size: every page type, anonymous and signed in.

    make loadtest [LOADTEST_ARGS="--duration 20 --pages 'roster|grid'"]
    .venv/bin/python bench/loadtest.py [--duration 10] [--connections 16] [--pages REGEX]

Given DATABASE_URL (default postgres://postgres@127.0.0.1:5432/academy_scale, created
when missing) it migrates, runs `seed_scale` (which does nothing when the scale data is
already there), runs collectstatic, and starts gunicorn as in production: DJANGO_DEBUG
off, 2 sync workers, a throwaway DJANGO_SECRET_KEY, ALLOWED_HOSTS localhost, CACHE_URL
passed on when set (e.g. redis://127.0.0.1:6379/7; else a file cache the workers share),
no broker. It signs in over HTTP as
the scale official, facilitator and staff (allauth's login form, email + password, CSRF
token), then for each page runs wrk (16 connections, --timeout 30s) against the module
page first, the baseline, and right after against the page, as the same person (the
session cookie goes in a -H header). A table follows: req/s, p50, p99, and the page's
p99 over the baseline's p99 from the same run; pages over 2x are marked. /healthz is the
ceiling, not a page: it asks the database (and the broker) on every request, so once the
public pages are served from the cache it can take longer than the anonymous module page;
its ratio is printed for reference and not judged.

A page counts as failed, not fast, when any response was not 2xx (a 500, a 404, a
redirect to the login page) or a socket error or timeout happened: bench/loadtest.lua
counts every status. The exit status is 1 when any measurement failed.
Only 127.0.0.1 is ever loaded; every run is bounded by --duration per page.
"""

import argparse
import math
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/academy_scale"
ROLES = ("anonymous", "official", "facilitator", "staff")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wrk import WrkResult, parse_wrk, run_wrk  # noqa: E402, F401 - the tests use all three

# --- the server -------------------------------------------------------------------------

def ensure_database(url):
    """Create the PostgreSQL database when it does not exist yet."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        return
    import psycopg

    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("select 1 from pg_database where datname = %s", [name]).fetchone():
            print(f"Creating database {name}")
            conn.execute(f'create database "{name}"')


def manage(env, *command):
    print("$ manage.py " + " ".join(command), flush=True)
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(args, port):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DJANGO_"))}
    env.update(
        DATABASE_URL=args.database_url,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{port}",
        DJANGO_LOG_LEVEL="WARNING",
    )
    # Production settings refuse to start without a cache every process shares: the
    # given one, else a file-based cache the gunicorn workers share on this machine.
    env["CACHE_URL"] = args.cache_url or "filecache://" + tempfile.mkdtemp(prefix="loadtest-cache-")
    return env


def start_gunicorn(env, port, log_path):
    command = [sys.executable, "-m", "gunicorn", "academy.wsgi:application",
               "--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{port}",
               "--timeout", "60", "--error-logfile", str(log_path), "--log-level", "warning"]
    print("$ " + " ".join(command[1:]), flush=True)
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_ready(base, process, log_path):
    import requests

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if requests.get(base + "/healthz", timeout=20).status_code == 200:
                return
        except requests.RequestException:
            pass  # not listening yet, or still loading the app
        time.sleep(0.3)
    print(Path(log_path).read_text()[-3000:], file=sys.stderr)
    raise SystemExit("gunicorn did not answer /healthz with 200")


def sign_in(base, email, password):
    """allauth's login form over HTTP: its CSRF token, then email + password. Returns the
    session cookie's value."""
    import requests

    session = requests.Session()
    login = base + "/accounts/login/"
    page = session.get(login, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    if page.status_code != 200 or not token:
        raise SystemExit(f"login page answered {page.status_code} without a CSRF token")
    answer = session.post(
        login, data={"login": email, "password": password,
                     "csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": login}, allow_redirects=False, timeout=30,
    )
    cookie = session.cookies.get("sessionid")
    if answer.status_code != 302 or not cookie:
        raise SystemExit(f"signing in as {email} failed ({answer.status_code})")
    return cookie


def settle(base, last):
    """Wait until the workers have served what wrk left behind: wrk stops at its deadline,
    but sync workers still answer every request already queued (up to one per
    connection), which would eat into the next measurement. /healthz queues behind them;
    then one more service time (2 workers / throughput) for the last one running."""
    import requests

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            requests.get(base + "/healthz", timeout=60)
            break
        except requests.RequestException:
            time.sleep(1)
    time.sleep(min(2 / last.rps, 30) if last.rps else 5)


def preflight(base, targets, cookies):
    """One request per page and identity, to say early which ones do not answer 200."""
    import requests

    for path, role in dict.fromkeys(targets):
        headers = {"Cookie": f"sessionid={cookies[role]}"} if cookies[role] else {}
        answer = requests.get(base + path, headers=headers, allow_redirects=False, timeout=60)
        if answer.status_code != 200:
            where = answer.headers.get("Location", "")
            print(f"  note: {path} as {role} answers {answer.status_code} {where}".rstrip())


# --- what to load -----------------------------------------------------------------------

def discover():
    """The URLs of the scale data (Django set up in this process, same database)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings")
    os.environ.setdefault("DJANGO_DEBUG", "true")  # reads only; no production secrets here
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.utils import timezone

    from academy import scale as people
    from cohorts.models import Cohort
    from cohorts.scale import BIG_COHORT_SLUG
    from courses.models import CoursePage, ModulePage

    busiest = (Cohort.objects.upcoming().values("course").annotate(n=Count("pk"))
               .order_by("-n").first())
    course = CoursePage.objects.get(pk=busiest["course"])
    module = ModulePage.objects.live().child_of(course).order_by("path").first()
    big = Cohort.objects.get(slug=BIG_COHORT_SLUG)
    session = big.sessions.filter(starts_at__lte=timezone.now()).order_by("-starts_at").first()
    facilitate = f"/facilitate/{big.slug}/"
    pages = [
        ("healthz", "/healthz", ["anonymous"]),
        ("home", "/", ["anonymous", "official"]),
        ("catalog", "/catalog/", ["anonymous", "official"]),
        ("search", "/catalog/?q=budget", ["anonymous", "official"]),
        (f"course ({busiest['n']} upcoming cohorts)", urlsplit(course.url).path,
         ["anonymous", "official"]),
        ("module", urlsplit(module.url).path, ["anonymous"]),
        ("cohort (400)", f"/cohorts/{big.slug}/", ["anonymous", "official"]),
        ("cohort .ics", f"/cohorts/{big.slug}/calendar.ics", ["anonymous"]),
        ("my learning /me/", "/me/", ["official"]),
        ("facilitator dashboard", "/facilitate/", ["facilitator", "staff"]),
        ("applicants (400)", facilitate, ["facilitator"]),
        ("roster (400)", facilitate + "roster/", ["facilitator"]),
        ("attendance grid (400)", facilitate + "attendance/", ["facilitator"]),
        ("attendance sheet (400)", f"{facilitate}sessions/{session.pk}/attendance/",
         ["facilitator"]),
        ("certificates (400)", facilitate + "certificates/", ["facilitator"]),
    ]
    module_path = urlsplit(module.url).path
    logins = {"official": people.OFFICIAL_EMAIL, "facilitator": people.FACILITATOR_EMAIL,
              "staff": people.STAFF_EMAIL}
    connection.close()
    return module_path, pages, logins, people.SCALE_PASSWORD


# --- report -----------------------------------------------------------------------------

def load():
    """The 1, 5 and 15 minute load averages: the figures only compare within a run."""
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def fmt_ms(value):
    return "-" if value is None else f"{value:.0f}" if value >= 100 else f"{value:.1f}"


CEILINGS = {"healthz"}  # reference rows: printed, never judged against the module page


def over_2x(name, result, base):
    return (name not in CEILINGS and bool(result.p99_ms and base.p99_ms)
            and result.p99_ms / base.p99_ms > 2)


def table(rows):
    """Markdown table; rows are (page, role, WrkResult, baseline WrkResult)."""
    lines = ["| page | as | requests | req/s | p50 ms | p99 ms | module p99 ms | p99 / module "
             "| failed |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, role, result, base in rows:
        problem = result.failure()
        base_problem = base.failure()
        ratio = ""
        if result.p99_ms is not None and base.p99_ms:
            r = result.p99_ms / base.p99_ms
            ratio = (f"{r:.2f} (ceiling)" if name in CEILINGS
                     else f"**{r:.2f} (>2x)**" if over_2x(name, result, base) else f"{r:.2f}")
        failed = problem or ("baseline: " + base_problem if base_problem else "")
        lines.append(
            f"| {name} | {role} | {result.requests} | {result.rps:.1f} | {fmt_ms(result.p50_ms)} | "
            f"{fmt_ms(result.p99_ms)} | {fmt_ms(base.p99_ms)} | {ratio} | "
            f"{'**FAILED** ' + failed if failed else ''} |"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # 10 s: a signed-in page answers some 600 times, so its p99 is the 6th slowest response,
    # not the 3rd of 300 (at 5 s the same page's ratio moved by up to 0.5 between runs).
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--min-requests", type=int, default=30,
                        help="a page with fewer responses is measured again, for longer")
    parser.add_argument("--max-duration", type=int, default=40,
                        help="seconds, the longest such second measurement")
    parser.add_argument("--pages", default="",
                        help="regex on 'page as role' (e.g. 'roster|grid', 'as staff')")
    parser.add_argument("--database-url",
                        default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--cache-url", default=os.environ.get("CACHE_URL", ""),
                        help="CACHE_URL for the server (default: $CACHE_URL, else a file cache)")
    parser.add_argument("--seed-args", default="",
                        help="options for seed_scale when it seeds, e.g. '--officials 2000'")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: LOADTEST=1 bash scripts/system-deps.sh "
                         "(make loadtest does it), or apt-get install wrk")

    started = time.monotonic()
    port = free_port()
    env = server_env(args, port)
    os.environ["DATABASE_URL"] = args.database_url  # for discover()
    ensure_database(args.database_url)
    manage(env, "migrate", "--noinput", "-v0")
    # Static files first: seeding renders emails and certificates, which need the manifest.
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "seed_scale", *args.seed_args.split())
    module_path, pages, logins, password = discover()

    base = f"http://127.0.0.1:{port}"
    log_path = Path(tempfile.mkdtemp(prefix="loadtest-")) / "gunicorn.log"
    server = start_gunicorn(env, port, log_path)
    try:
        wait_ready(base, server, log_path)
        cookies = {"anonymous": None}
        for role, email in logins.items():
            cookies[role] = sign_in(base, email, password)
            print(f"signed in as {role} ({email})")
        rows = []
        selected = [(name, path, role) for name, path, roles in pages for role in roles
                    if re.search(args.pages, f"{name} as {role}")]
        preflight(base, [(module_path, "anonymous")] + [(p, r) for _, p, r in selected],
                  cookies)
        settle(base, run_wrk(base + module_path, None, args, duration=2)[0])  # warm-up
        print(f"\n{len(selected)} pages, {args.duration} s each after a module-page baseline, "
              f"{args.connections} connections; load average {load()}\n", flush=True)
        for name, path, role in selected:
            baseline, _ = run_wrk(base + module_path, cookies[role], args)
            settle(base, baseline)
            result, output = run_wrk(base + path, cookies[role], args)
            settle(base, result)
            if result.requests < args.min_requests and not result.non_2xx:
                # A slow page: measure again for long enough to have a p99 worth reading.
                longer = min(args.max_duration, math.ceil(
                    args.duration * 1.5 * args.min_requests / max(result.requests, 1)))
                print(f"  {name} as {role}: {result.requests} responses in {args.duration} s;"
                      f" measuring again for {longer} s", flush=True)
                result, output = run_wrk(base + path, cookies[role], args, duration=longer)
                settle(base, result)
            rows.append((name, role, result, baseline))
            note = result.failure()
            print(f"  {name} as {role}: {result.rps:.1f} req/s, p99 {fmt_ms(result.p99_ms)} ms"
                  f" (module {fmt_ms(baseline.p99_ms)} ms){'  FAILED: ' + note if note else ''}",
                  flush=True)
            if not result.exact:
                print(output, file=sys.stderr)
    finally:
        stop(server)

    print("\nPages:")
    for name, path, _ in pages:
        print(f"  {name:<30} {path}")
    print(f"\n{table(rows)}\n")
    failed = [f"{n} as {r}" for n, r, res, b in rows if res.failure() or b.failure()]
    slow = [f"{n} as {r}" for n, r, res, b in rows if over_2x(n, res, b)]
    print(f"Over 2x the module page's p99: {', '.join(slow) or 'none'}")
    print(f"Failed measurements: {', '.join(failed) or 'none'}")
    print(f"Total {time.monotonic() - started:.0f} s; load average {load()} on "
          f"{os.cpu_count()} cores. Server log: {log_path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
