"""Profile, the admin's doors to the site's login, and the health check."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from .forms import ProfileForm


@login_required
def profile(request):
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            form.save()
            messages.success(request, "Your profile is saved.")
            return redirect("profile")
        messages.error(request, "Please correct the errors below; nothing was saved.")
    else:
        form = ProfileForm(instance=request.user)
    return render(request, "academy/profile.html", {"form": form})


@never_cache
def admin_login(request):
    """/admin/login/ (any method: nothing posted here is ever checked) sends people to the
    site's login, keeping where they were going, so the same rate limits, email
    verification, two-factor authentication and messages apply."""
    admin_home = reverse("wagtailadmin_home")
    next_url = request.GET.get("next") or admin_home
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = admin_home
    return redirect_to_login(next_url, login_url=reverse("account_login"))


def admin_password_reset(request):
    """Wagtail's password reset pages (switched off) lead to the site's."""
    return redirect("account_reset_password")


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_broker():
    from kombu import Connection

    with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


@never_cache
def healthz(request):
    """200 when the database (and the broker, if one is configured) answer; 503 naming
    the failing part otherwise."""
    checks = {"database": _check_database}
    if settings.CELERY_BROKER_URL:
        checks["broker"] = _check_broker
    status, failing = {}, []
    for name, check in checks.items():
        try:
            check()
            status[name] = "ok"
        except Exception as exc:  # noqa: BLE001 - any failure is "down"
            status[name] = f"error: {exc.__class__.__name__}"
            failing.append(name)
    if not settings.CELERY_BROKER_URL:
        status["broker"] = "not configured (tasks run in-process)"
    body = {"status": "ok" if not failing else "unavailable", "checks": status}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)
