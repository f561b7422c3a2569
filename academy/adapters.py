"""django-allauth's account emails (sign-up confirmation, password reset, ...) as the
academy's: named from settings (SITE_NAME, SITE_URL; never the sites framework's
"example.com"), on the one email layout (templates/account/email/ extend
templates/emails/layout.txt|html), written to the outbox like every other email."""

from contextlib import nullcontext
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils.encoding import force_str
from django.utils.translation import get_language

from .i18n import for_recipient, page_in
from .models import User
from .outbox import email_context, outbox_enqueue_rendered

# The links allauth puts in its emails (made in the request's language), given in the
# recipient's: a Spanish-preferring official's password reset link is under /es/.
LINK_KEYS = ("activate_url", "password_reset_url", "signup_url")


def in_language(url, language):
    """`url` (absolute or a path) at its address in `language` (itself if it has none)."""
    if not isinstance(url, str) or not url:
        return url
    parts = urlsplit(url)
    path = urlunsplit(("", "", parts.path, parts.query, ""))
    moved = urlsplit(page_in(path, language))
    return urlunsplit((parts.scheme, parts.netloc, moved.path, moved.query, parts.fragment))


def academy_site():
    """What allauth's templates call `current_site`, from settings."""
    return SimpleNamespace(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


class AcademyEmailsMixin:
    """For an allauth account adapter: the academy's name, layout and outbox."""

    def format_email_subject(self, subject):
        return force_str(subject)  # the outbox adds the academy's prefix to every subject

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        if not isinstance(user, User):
            user = None
        # The recipient's language and time zone when the address is theirs; an address
        # with no account (unknown_account) is written to in the request's language.
        with for_recipient(user) if user is not None else nullcontext():
            ctx = email_context(email=email, current_site=academy_site(), **context)
            ctx["user"] = user
            for key in LINK_KEYS:
                if key in ctx:
                    ctx[key] = in_language(ctx[key], get_language())
            message = self.render_mail(template_prefix, email, ctx)
        html = next(
            (body for body, mime in getattr(message, "alternatives", []) if mime == "text/html"),
            "",
        )
        outbox_enqueue_rendered(
            to=email,
            recipient=user,
            kind=f"account.{template_prefix.rsplit('/', 1)[-1]}"[:60],
            subject=message.subject,
            text=message.body,
            html=html,
        )
