"""Benchmark: a cohort's certificates end to end through the production PDF worker.

    make bench-throughput [THROUGHPUT_ARGS="--learners 1000"]
    .venv/bin/python bench/certificate_throughput.py [--learners 400] [--reuse]

On PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/
academy_bench_certs, recreated unless --reuse) and Redis (BENCH_BROKER_URL, default
redis://127.0.0.1:6379/8, queues of their own), with production settings (DEBUG off):

1. migrates, runs `seed_scale` small except for its big cohort of --learners
   officials, whose enrollments are then marked completed (fictional people), and
   collects the static files (production storage needs their manifest);
2. starts the Procfile's `worker-pdf` (Celery prefork, PDF_WORKER_CONCURRENCY=2: two
   worker processes, each warming the renderer as it starts);
3. issues the cohort's certificates the way closing a cohort does
   (`certificate_issue_completed`) and waits until every PDF is stored;

then prints the issuing time, certificates per second end to end (from the first
certificate issued to the last PDF stored), each worker process's resident memory after
warming up, after the first 10% and half and at the end, and how much it grew since
(the first renders fill caches; flat means no growth per render after them), the CPU
time each party spent per certificate, and that CPU time in one-line WeasyPrint pages
rendered here afterwards (`make bench`'s yardstick), a figure that does not change with
the machine's speed of the day.
No email worker runs: the learners' emails wait in the outbox, as they would for a slow
mail server. Figures only; nothing here asserts a time.
"""

import argparse
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from loadtest import ensure_database, stop  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/academy_bench_certs"
DEFAULT_BROKER_URL = "redis://127.0.0.1:6379/8"
QUEUE = "academy-bench-certs"


def environment(args, media_root):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DJANGO_"))}
    env.update(
        DATABASE_URL=args.database_url,
        CELERY_BROKER_URL=args.broker_url,
        CELERY_TASK_DEFAULT_QUEUE=QUEUE,
        CACHE_URL=args.broker_url,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1",
        DJANGO_MEDIA_ROOT=str(media_root),
        DJANGO_SETTINGS_MODULE="academy.settings",
        PDF_WORKER_CONCURRENCY="2",
        PATH=f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    return env


def recreate_database(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')
    ensure_database(url)


def run(env, *command):
    started = time.monotonic()
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    print(f"  {time.monotonic() - started:6.1f} s  manage.py {' '.join(command)}", flush=True)


def children(pid):
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def cpu_seconds(pid):
    """User plus system CPU time a process has used, in seconds (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pids_named(name):
    """Every process whose command is `name` (PostgreSQL's backends, redis-server)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == name:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def cpu_snapshot(worker_pid, pool):
    """CPU seconds so far of each party to a render: the worker's processes, this process
    (issuing and polling), PostgreSQL and Redis."""
    return {
        "worker processes": sum(cpu_seconds(p) for p in pool),
        "worker master": cpu_seconds(worker_pid),
        "issuing (this process)": cpu_seconds(os.getpid()),
        "PostgreSQL": sum(cpu_seconds(p) for p in pids_named("postgres")),
        "Redis": sum(cpu_seconds(p) for p in pids_named("redis-server")),
    }


def yardstick_seconds(count=60):
    """Median time of a one-line WeasyPrint page rendered here, the way `make bench` does
    (its yardstick): how fast this machine is right now, since its speed changes from day
    to day by a factor of two."""
    import statistics

    from academy.memory import freeze_long_lived_objects
    from certificates.rendering import render_minimal_pdf

    for _ in range(5):
        render_minimal_pdf()
    freeze_long_lived_objects()  # as make bench does
    times = []
    for i in range(count):
        started = time.perf_counter()
        render_minimal_pdf(f"Minimal document {i}")
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def wait_for(predicate, what, timeout, log):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    sys.exit(f"gave up waiting for {what}; worker log:\n{log.read_text()[-4000:]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=400)
    parser.add_argument("--reuse", action="store_true",
                        help="keep the database of an earlier run (its certificates are "
                        "deleted and issued again)")
    parser.add_argument("--database-url",
                        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--broker-url",
                        default=os.environ.get("BENCH_BROKER_URL", DEFAULT_BROKER_URL))
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="academy-bench-certs-"))
    env = environment(args, work / "media")
    print(f"certificates end to end: {args.learners} learners, database "
          f"{urlsplit(args.database_url).path.lstrip('/')}, broker {args.broker_url}")
    if not args.reuse:
        recreate_database(args.database_url)
        run(env, "migrate", "--noinput")
        run(env, "seed_scale", "--officials", str(args.learners + 200), "--cohorts", "6",
            "--enrollments", str(args.learners + 100), "--big-cohort", str(args.learners),
            "--facilitator-cohorts", "2", "--facilitators", "2", "--sessions-per-cohort", "4")

    # Production static storage needs the manifest: the certificate email and the
    # credential's issuer image name hashed static files.
    run(env, "collectstatic", "--noinput", "-v0")

    os.environ.update(env)
    import django

    django.setup()
    import redis
    from django.conf import settings

    from certificates.models import Certificate, RenderStatus
    from certificates.services import certificate_issue_completed
    from cohorts import scale as cohort_scale
    from cohorts.models import Enrollment, EnrollmentStatus

    cohort = cohort_scale.scale_cohorts().get(slug=cohort_scale.BIG_COHORT_SLUG)
    enrollments = Enrollment.objects.filter(cohort=cohort)
    Certificate.objects.filter(enrollment__cohort=cohort).delete()
    enrollments.filter(status__in=[EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED]).update(
        status=EnrollmentStatus.COMPLETED)
    count = enrollments.filter(status=EnrollmentStatus.COMPLETED).count()
    client = redis.Redis.from_url(args.broker_url)
    queues = [QUEUE, settings.EMAIL_TASK_QUEUE, settings.PDF_TASK_QUEUE]
    client.delete(*queues)

    log = work / "worker.log"
    with open(log, "w") as out:
        worker = subprocess.Popen(["scripts/run-process", "worker-pdf"], cwd=ROOT, env=env,
                                  stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        started = time.monotonic()
        wait_for(lambda: log.read_text().count("Certificate renderer warmed") >= 2,
                 "the renderer to warm up in both processes", 120, log)
        pool = wait_for(lambda: [p for p in children(worker.pid) if rss_mb(p)],
                        "the worker processes", 60, log)
        print(f"  {time.monotonic() - started:6.1f} s  worker-pdf up, 2 processes warmed "
              f"({', '.join(f'{rss_mb(p) or 0:.0f} MB' for p in pool)})", flush=True)
        memory = {"after warm-up": [rss_mb(p) for p in pool]}

        cpu_before = cpu_snapshot(worker.pid, pool)
        issued_at = time.monotonic()
        certificate_issue_completed(cohort_id=cohort.pk, actor=None)
        issue_seconds = time.monotonic() - issued_at
        done = Certificate.objects.filter(enrollment__cohort=cohort,
                                          render_status=RenderStatus.DONE)
        for share in (10, 50):
            target = max(count * share // 100, 1)
            wait_for(lambda target=target: done.count() >= target, f"the first {share}%", 600,
                     log)
            memory[f"after {share}%"] = [rss_mb(p) for p in pool]
        wait_for(lambda: done.count() >= count, "every PDF", 1800, log)
        total = time.monotonic() - issued_at
        cpu_after = cpu_snapshot(worker.pid, pool)
        memory["at the end"] = [rss_mb(p) for p in pool]
        failed = Certificate.objects.filter(enrollment__cohort=cohort).exclude(
            render_status=RenderStatus.DONE).count()
        alive = [p for p in pool if p in children(worker.pid)]
    finally:
        stop(worker)
        client.delete(*queues)

    print(f"issued {count} certificates in {issue_seconds:.1f} s "
          f"({issue_seconds / max(count, 1) * 1000:.1f} ms each, renders queued)")
    print(f"all {count} PDFs stored {total:.1f} s after issuing began: "
          f"{count / total:.1f} certificates/s end to end through 2 worker processes")
    for label, values in memory.items():
        shown = ", ".join("—" if v is None else f"{v:.1f} MB" for v in values)
        print(f"worker process memory {label}: {shown}")
    for since in ("after 10%", "after 50%"):
        before, after = memory[since], memory["at the end"]
        if None in before + after:
            continue
        grown = max(b - a for a, b in zip(before, after, strict=True))
        renders = (count - count * int(since[6:-1]) // 100) / 2  # each process's share
        print(f"growth {since.replace('after', 'since')}: {grown:+.1f} MB in a worker process, "
              f"{grown * 1024 / max(renders, 1):+.1f} KB per certificate it rendered")
    spent = {k: cpu_after[k] - cpu_before[k] for k in cpu_before}
    per_certificate = sum(spent.values()) / max(count, 1)
    print(f"CPU per certificate, {per_certificate * 1000:.1f} ms in all "
          "(2 cores give 50 ms a certificate at 40/s): " + ", ".join(
              f"{k} {v / max(count, 1) * 1000:.1f} ms" for k, v in spent.items()))
    page = yardstick_seconds()
    print(f"yardstick: a one-line WeasyPrint page takes {page * 1000:.1f} ms here now; a "
          f"certificate end to end cost {per_certificate / page:.1f} of them in CPU, and "
          f"40/s on two cores allows {0.050 / page:.1f}")
    if len(alive) < len(pool):
        print("note: a worker process was replaced during the run (max memory per child)")
    if failed:
        print(f"FAILED renders: {failed}")
        return 1
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.exit(main())
