"""The check-in link of a session as an inline SVG QR code (no file, no external service)."""

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _


def check_in_url(session) -> str:
    return settings.SITE_URL + reverse("check_in_code", args=[session.check_in_code])


def qr_svg(session, scale=6, *, omitsize=False) -> str:
    """The check-in QR code as inline SVG; `omitsize` leaves its size to CSS (it keeps
    a viewBox), for the projector view."""
    return segno.make(check_in_url(session), error="m").svg_inline(
        scale=scale, border=2, omitsize=omitsize,
        title=_("QR code: check in to %(session)s") % {"session": session.title},
    )
