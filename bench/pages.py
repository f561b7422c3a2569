"""In-process page timings on the scale dataset (no server, no network): the median of a
few requests per page through Django's test client, with the query count and the size.
For finding where time goes; `make loadtest` measures the real thing.

    DATABASE_URL=postgres://.../academy_scale .venv/bin/python bench/pages.py [--runs 5]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# The test settings: plain static files (no collectstatic needed), no public-page cache.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")

import django  # noqa: E402

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from academy.models import User  # noqa: E402
from cohorts.models import Cohort  # noqa: E402
from cohorts.scale import BIG_COHORT_SLUG  # noqa: E402


def measure(client, url, runs):
    client.get(url)  # warm
    times = []
    with override_settings(DEBUG=True):
        for _ in range(runs):
            reset_queries()
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            queries = len(connection.queries)
    return response.status_code, statistics.median(times), queries, len(response.content)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", default="")
    args = parser.parse_args()
    big = Cohort.objects.get(slug=BIG_COHORT_SLUG)
    session = big.sessions.order_by("starts_at").first()
    clients = {}
    for role, email in (("facilitator", "facilitator@scale.example.org"),
                        ("staff", "staff@scale.example.org"),
                        ("official", "official1@scale.example.org")):
        clients[role] = Client()
        clients[role].force_login(User.objects.get(email=email))
    base = f"/facilitate/{big.slug}/"
    pages = [
        ("dashboard", "facilitator", "/facilitate/"),
        ("dashboard (staff)", "staff", "/facilitate/"),
        ("applicants (400)", "facilitator", base),
        ("roster (400)", "facilitator", base + "roster/"),
        ("grid (400)", "facilitator", base + "attendance/"),
        ("sheet (400)", "facilitator", base + f"sessions/{session.pk}/attendance/"),
        ("certificates (400)", "facilitator", base + "certificates/"),
        ("close (400)", "facilitator", base + "close/"),
        ("my learning", "official", "/me/"),
    ]
    print(f"{'page':<22}{'status':>7}{'median ms':>11}{'queries':>9}{'KB':>8}")
    for name, role, url in pages:
        if args.pages and args.pages not in name:
            continue
        status, ms, queries, size = measure(clients[role], url, args.runs)
        print(f"{name:<22}{status:>7}{ms:>11.1f}{queries:>9}{size / 1024:>8.0f}")


if __name__ == "__main__":
    main()
