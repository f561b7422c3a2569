"""Profile, the admin's doors to the site's login, and the health check."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import connection, transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .forms import MembershipFormSet, ProfileForm, membership_initial
from .i18n import language_of, page_in, switch_language
from .models import BodyMembership
from .services import BodyError, body_memberships_save


class _Rollback(Exception):
    pass


@login_required
def profile(request):
    """The profile and the official's bodies and terms, saved together or not at all."""
    memberships = BodyMembership.objects.filter(user=request.user).select_related("body")
    initial = membership_initial(memberships)
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if "bodies-TOTAL_FORMS" in request.POST:
            formset = MembershipFormSet(request.POST, initial=initial, prefix="bodies")
        else:  # a client that posts the profile alone leaves the bodies as they are
            formset = MembershipFormSet(initial=initial, prefix="bodies")
        if form.is_valid() and (not formset.is_bound or formset.is_valid()):
            rows = (
                [f.row() for f in formset.forms if f.has_changed() or f.initial]
                if formset.is_bound else []
            )
            try:
                with transaction.atomic():
                    form.save()
                    body_memberships_save(user=request.user, rows=rows)
            except BodyError as error:
                forms_used = [f for f in formset.forms if f.has_changed() or f.initial]
                if error.index is not None and error.index < len(forms_used):
                    forms_used[error.index].add_error(error.field, str(error))
                else:
                    formset._non_form_errors = formset.error_class([str(error)])
            else:
                # The profile's language may have just changed: the confirmation and the
                # page after it are in the language the person chose.
                language = language_of(request.user)
                with translation.override(language):
                    messages.success(request, _("Your profile is saved."))
                return redirect(page_in(reverse("profile"), language))
        messages.error(request, _("Please correct the errors below; nothing was saved."))
    else:
        form = ProfileForm(instance=request.user)
        formset = MembershipFormSet(initial=initial, prefix="bodies")
    return render(request, "academy/profile.html", {"form": form, "formset": formset})


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=settings.LANGUAGES)
    next = forms.CharField(max_length=2000, required=False)


@csrf_exempt
@require_POST
def set_language(request):
    """The header's language switcher: keeps the choice (profile and cookie) and returns
    to the same page in that language (academy/i18n.py).

    A visitor's form carries no CSRF token, so that public pages stay cacheable (a token
    sets a cookie): for them the switch only sets the language cookie. A signed-in person's
    profile changes too, so their post must pass the CSRF check."""
    if request.user.is_authenticated:
        refused = CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})
        if refused is not None:
            return refused
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose English or Spanish."))
    next_url = form.cleaned_data["next"] or request.headers.get("Referer") or "/"
    return switch_language(request, form.cleaned_data["language"], next_url)


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
