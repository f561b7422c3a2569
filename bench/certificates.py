"""Benchmark: certificate PDFs against a minimal one-page WeasyPrint document.

    .venv/bin/python bench/certificates.py [--count N]

Renders N certificates (each with its own name, code and QR code) and N minimal
documents through the same pipeline (same URL fetcher, FontConfiguration and caches),
interleaved so both see the same machine state, and prints ms per PDF (median, p95),
`ratio: X` (certificate median / minimal median). The minimal document is a one-line page
as WeasyPrint renders it, with its HTML5 user-agent stylesheet; a certificate is drawn
with its own three-rule one (`certificates.rendering.CertificateHTML`, the same page,
faster), and the one-line page drawn that way is printed too, for comparison. Then the
time to sign each certificate's
Open Badges credential (eddsa-rdfc-2022, the render task's other half) as a share of the
certificate's, and memory: resident set size after
the first 10 certificates and after the last, and a tracemalloc pass that shows
whether Python allocations grow with the number of certificates once warm.
No database needed.
"""

import argparse
import gc
import logging
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings")
os.environ.setdefault("DJANGO_DEBUG", "true")  # a benchmark, not production
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")  # never used; just in case

import django  # noqa: E402

django.setup()
logging.getLogger("weasyprint").setLevel(logging.ERROR)

import datetime as dt  # noqa: E402

from academy.memory import freeze_long_lived_objects  # noqa: E402
from certificates.credentials import keys, openbadge, status_list  # noqa: E402
from certificates.rendering import (  # noqa: E402
    CertificateHTML,
    certificate_data_sample,
    render_certificate_pdf,
    render_minimal_pdf,
    weasyprint_subsetting_ok,
)

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
NAMES = [
    "Rosa Diaz",
    "Councillor Maria Elena Gutiérrez-Whitfield",
    "Dr. Kwame Mensah-Boateng",
    "Li Na Chen",
    "Commissioner Jonathan Alexander Featherstonehaugh III",
]


def sample(i):
    code = "-".join(
        "".join(ALPHABET[(i * 7 + k * 3 + j) % len(ALPHABET)] for j in range(4))
        for k in range(5)
    )
    code = f"{i % 10000:04d}-" + code[5:]
    return certificate_data_sample(
        recipient_name=f"{NAMES[i % len(NAMES)]}",
        verification_code=code,
        verification_url=f"https://academy.example.org/certificates/{code}/",
        qr_url=f"HTTPS://ACADEMY.EXAMPLE.ORG/C/{code.replace('-', '')}",  # Certificate.qr_url
    )


def sign_sample(i, key):
    """The credential of sample(i), signed (what certificate_render adds to the PDF)."""
    data = sample(i)
    host = "academy.example.org"
    start = dt.datetime(2026, 3, 2, 15, tzinfo=dt.UTC)
    award = openbadge.Award(
        id=f"https://{host}/certificates/{data.verification_code}/credential.json",
        issuer=openbadge.Issuer(id=keys.did_web(host), name="Progressive Governance Academy",
                                url=f"https://{host}/"),
        achievement=openbadge.Achievement(
            id=f"https://{host}/catalog/budgets/", name=data.course_title,
            description="Participatory budgeting for local officials.",
            criteria="Attend at least 75% of the live sessions and complete every required "
            "module.", hours=float(data.hours), language="en", minimum_attendance=75,
            topics=(openbadge.Topic(name="Fiscal stewardship",
                                    url=f"https://{host}/catalog/?pillar=fiscal"),),
        ),
        recipient_email=f"learner{i}@example.org", salt=f"{i:032x}",
        attendance_percent=87.5, hours_earned=float(data.hours),
        activity_start=start, activity_end=start + dt.timedelta(weeks=8), valid_from=start,
        credential_status=status_list.status_list_entry(
            list_url=f"https://{host}/credentials/status/1.json", index=i),
    )
    return openbadge.sign_credential(openbadge.open_badge_credential(award), key, start)


def rss_kb():
    """Current resident set size in KB (Linux), else the peak."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def ms(seconds):
    return seconds * 1000


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    count = max(args.count, 1)

    print(f"WeasyPrint HarfBuzz font subsetting: {'yes' if weasyprint_subsetting_ok() else 'NO'}")
    key = keys.generate_signing_key()
    for i in range(5):  # warm-up: fonts, stylesheets, image caches, JSON-LD contexts
        render_certificate_pdf(sample(i))
        render_minimal_pdf()
        sign_sample(i, key)
    freeze_long_lived_objects()  # as a PDF worker does once warm (certificates.signals)

    cert_times, minimal_times, minimal_own_ua_times, sign_times, rss = [], [], [], [], []
    size = 0
    gc.collect()
    for i in range(count):
        data = sample(i)
        start = time.perf_counter()
        pdf = render_certificate_pdf(data)
        cert_times.append(time.perf_counter() - start)
        size += len(pdf)
        start = time.perf_counter()
        render_minimal_pdf(f"Minimal document {i}")
        minimal_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        render_minimal_pdf(f"Minimal document {i}", html_class=CertificateHTML)
        minimal_own_ua_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        sign_sample(i, key)
        sign_times.append(time.perf_counter() - start)
        rss.append(rss_kb())

    cert_median, minimal_median = statistics.median(cert_times), statistics.median(minimal_times)
    print(f"certificates: {count}, average size {size // count / 1024:.1f} KB")
    print(
        f"certificate: median {ms(cert_median):.1f} ms, p95 {ms(pct(cert_times, 95)):.1f} ms"
        f" per PDF"
    )
    print(
        f"minimal:     median {ms(minimal_median):.1f} ms, p95 {ms(pct(minimal_times, 95)):.1f}"
        " ms per PDF"
    )
    print(f"ratio: {cert_median / minimal_median:.2f}")
    own_ua = statistics.median(minimal_own_ua_times)
    print(f"(the minimal page with the certificate's user-agent stylesheet: median "
          f"{ms(own_ua):.1f} ms; the certificate is {cert_median / own_ua:.2f} times that)")
    sign_median = statistics.median(sign_times)
    print(
        f"credential signing: median {ms(sign_median):.1f} ms, p95 "
        f"{ms(pct(sign_times, 95)):.1f} ms; certificate with its credential "
        f"{ms(cert_median + sign_median):.1f} ms (signing adds "
        f"{sign_median / cert_median:.0%}, budget 25%)"
    )

    def mb(window):
        return statistics.mean(window) / 1024

    ten, mid = min(10, count), count // 2
    head, middle, tail = rss[:ten], rss[max(mid - 5, 0) : mid + 5], rss[-ten:]
    print(
        f"rss: {mb(head):.1f} MB over the first 10, {mb(middle):.1f} MB around #{mid}, "
        f"{mb(tail):.1f} MB over the last 10 (growth {mb(tail) - mb(head):+.1f} MB, "
        f"second half {mb(tail) - mb(middle):+.1f} MB); "
        f"ru_maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB"
    )

    # Python allocations once the bounded caches are full (urllib.parse keeps the last 128
    # URLs, WeasyPrint's image cache the logo): nothing more may be kept per certificate.
    warm, traced = min(count, 60), min(count, 160)
    tracemalloc.start()
    for i in range(warm):
        render_certificate_pdf(sample(i))
    gc.collect()
    after_warm = tracemalloc.get_traced_memory()[0]
    for i in range(warm, traced):
        render_certificate_pdf(sample(i))
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"tracemalloc over {traced} certificates: peak {peak / 1024 / 1024:.1f} MB, "
        f"retained after {warm} {after_warm / 1024:.0f} KB, after {traced} "
        f"{current / 1024:.0f} KB "
        f"({(current - after_warm) / max(traced - warm, 1) / 1024:+.2f} KB per certificate)"
    )


if __name__ == "__main__":
    main()
