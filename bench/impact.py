"""Impact report timings on the scale dataset (seed_scale): the selectors (queries and
time), the page's charts and tables, the full admin page when this database has the
reports tables, and the annual PDF (WeasyPrint). Prints figures; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/academy_scale \
        .venv/bin/python bench/impact.py [--runs 5] [--start 2026-01-01 --end 2026-12-31]

The issue's targets on this 2-core machine: the page under 1 s, the PDF under 10 s.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/academy_scale"
)

import django  # noqa: E402

django.setup()

from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from academy.models import User  # noqa: E402
from cohorts.models import Enrollment  # noqa: E402
from reports.charts import charts, headline_items, tables  # noqa: E402
from reports.models import ImpactReportPDF  # noqa: E402
from reports.selectors import ImpactFilters, impact_report, this_year  # noqa: E402


def timed(fn, runs):
    fn()  # warm
    times, queries = [], 0
    with override_settings(DEBUG=True):
        for _ in range(runs):
            reset_queries()
            started = time.perf_counter()
            result = fn()
            times.append((time.perf_counter() - started) * 1000)
            queries = len(connection.queries)
    return result, statistics.median(times), queries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--start", type=date.fromisoformat, default=None)
    parser.add_argument("--end", type=date.fromisoformat, default=None)
    args = parser.parse_args()
    start, end = this_year()
    filters = ImpactFilters(start=args.start or start, end=args.end or end)
    everything = ImpactFilters(start=date(2000, 1, 1), end=date(2100, 12, 31))
    print(f"database: {connection.settings_dict['NAME']} ({connection.vendor}); "
          f"{User.objects.count():,} people, {Enrollment.objects.count():,} enrollments")

    for label, f in (("this year", filters), ("all time", everything)):
        report, ms, queries = timed(lambda f=f: impact_report(f), args.runs)
        print(f"selectors ({label}): {ms:,.0f} ms median, {queries} queries; "
              f"{report.headline.officials_trained:,} officials trained, "
              f"{report.headline.completions:,} completions, "
              f"{report.headline.hours:,} hours, {len(report.courses)} courses")

    def view_model():
        report = impact_report(filters)
        return (headline_items(report, suppress=False), tables(report, suppress=False),
                charts(report, suppress=False, link=lambda code: f"?state={code}"))

    _, ms, queries = timed(view_model, args.runs)
    print(f"report + charts + tables: {ms:,.0f} ms median, {queries} queries")

    # The whole admin page. Where this database lacks the reports table (a shared scale
    # database migrated before this app), it is made inside a transaction rolled back after.
    with transaction.atomic():
        if "reports_impactreportpdf" not in connection.introspection.table_names():
            with connection.schema_editor() as editor:
                editor.create_model(ImpactReportPDF)
        staff = User.objects.filter(is_staff=True, is_active=True).order_by("pk").first()
        client = Client()
        client.force_login(staff)
        url = f"/admin/impact/?start={filters.start}&end={filters.end}"
        response, ms, queries = timed(lambda: client.get(url), args.runs)
        print(f"Impact page (admin, {staff.email}): {ms:,.0f} ms median, {queries} queries, "
              f"status {response.status_code}, {len(response.content):,} bytes")
        transaction.set_rollback(True)

    from reports.rendering import render_impact_pdf

    def pdf():
        return render_impact_pdf({
            "report": impact_report(filters), "title": "Impact report (benchmark)",
            "suppress": False, "generated_at": timezone.now(), "user": None,
        })

    runs = max(1, min(args.runs, 3))
    body, ms, queries = timed(pdf, runs)
    print(f"annual PDF: {ms / 1000:,.2f} s median of {runs}, {queries} queries, "
          f"{len(body):,} bytes")


if __name__ == "__main__":
    main()
