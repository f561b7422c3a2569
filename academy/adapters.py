"""django-allauth's account emails (sign-up confirmation, password reset, ...) as the
academy's: named from settings (SITE_NAME, SITE_URL; never the sites framework's
"example.com"), on the one email layout (templates/account/email/ extend
templates/emails/layout.txt|html), written to the outbox like every other email."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.encoding import force_str

from .models import User
from .outbox import email_context, outbox_enqueue_rendered


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
        ctx = email_context(email=email, current_site=academy_site(), **context)
        ctx["user"] = user
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
