"""How people sign in: the one login of the site (django-allauth), for the public pages and
the Wagtail admin alike.

- `has_admin_access`: Wagtail's own rule (the `wagtailadmin.access_admin` permission).
- `needs_authenticator`: who must set up two-factor authentication before the admin.
- `landing_page`: where someone lands after logging in without a `next` page.
- `AccountAdapter`: allauth's adapter with the site's client address (academy.ratelimit),
  that landing page, and one answer for every failed login.
"""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .adapters import AcademyEmailsMixin
from .ratelimit import client_ip

# Where someone sent to set up an authenticator was going in the admin: the two-factor
# pages offer "Continue to the admin" once they have one.
ADMIN_NEXT_SESSION_KEY = "academy.admin_next"
# The kinds of authenticator that count as a second factor (recovery codes come with one).
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def has_admin_access(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def needs_authenticator(user) -> bool:
    """Staff and anyone who can reach the Wagtail admin must have a second factor."""
    if not user.is_authenticated or not (user.is_staff or has_admin_access(user)):
        return False
    return not Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()


LANDING_PAGES = {  # URL name: what the page is called in the navigation
    "wagtailadmin_home": _("the admin"),
    "facilitate_home": _("Facilitate"),
    "my_learning": _("My learning"),
}


def landing_page(user) -> str:
    """Where someone lands after logging in (a URL name of LANDING_PAGES): staff and
    partner authors work in the admin, facilitators in their workspace, officials in
    My learning."""
    if has_admin_access(user):
        return "wagtailadmin_home"
    if user.is_staff or user.is_facilitator:
        return "facilitate_home"
    return "my_learning"


def landing_url(user) -> str:
    return reverse(landing_page(user))


def admin_continue_url(request) -> str:
    """The admin page someone was on their way to, once they have a second factor."""
    url = request.session.get(ADMIN_NEXT_SESSION_KEY, "")
    return url if url and not needs_authenticator(request.user) else ""


class AccountAdapter(AcademyEmailsMixin, DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        return client_ip(request)

    def get_login_redirect_url(self, request) -> str:
        return landing_url(request.user)

    def authenticate(self, request, **credentials):
        """A deactivated account's right password gets the answer a wrong one gets
        ("The email address and/or password you specified are not correct."), so no
        message tells a right password from a wrong one."""
        user = super().authenticate(request, **credentials)
        if user is not None and not user.is_active:
            self.authentication_failed(request, **credentials)
            return None
        return user
