"""What a certificate prints, as plain values (no WeasyPrint here): the data a render
takes, how its wording and facts are formatted, and the template context.

`certificates.rendering` turns this into a PDF; services and views import only this.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import re
import struct
import zlib
from dataclasses import dataclass, field
from decimal import Decimal

import segno
from django.conf import settings
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from academy.times import FORMATS, FORMATS_BY_LANGUAGE

from .models import (
    DEFAULT_BODY,
    DEFAULT_FOOTER,
    DEFAULT_HEADING,
    STOCK_WORDING,
    qr_verification_url,
)

logger = logging.getLogger(__name__)

#: The private origin documents are rendered against; never resolved or fetched.
ASSET_ORIGIN = "https://academy-assets.invalid/"
STATIC_PREFIX = "static/"
MEDIA_PREFIX = "media/"
CERTIFICATE_TEMPLATE = "certificates/pdf/certificate.html"
CERTIFICATE_CSS = "certificates/certificate.css"  # a static file
# Images are JPEGs on white: WeasyPrint embeds a JPEG's bytes as they are, but decodes
# and re-encodes a PNG (twice with transparency) and draws an SVG in Python on every
# render. The default logo is academy/static/img/logo.svg at 300 dpi.
DEFAULT_LOGO = STATIC_PREFIX + "certificates/logo.jpg"
# Renditions, not originals (a 4000-pixel phone photo would cost hundreds of
# milliseconds per certificate), flattened onto the sheet's white as JPEG (see above).
SIGNATURE_FILTER = "max-900x300|bgcolor-ffffff|format-jpeg|jpegquality-90"
LOGO_FILTER = "max-600x600|bgcolor-ffffff|format-jpeg|jpegquality-90"


@dataclass
class CertificateData:
    """Everything printed on one certificate; plain values, no model instances."""

    recipient_name: str
    course_title: str
    cohort_title: str
    start_date: dt.date | None
    end_date: dt.date | None
    hours: Decimal | float | int | None
    issued_on: dt.date
    verification_code: str
    verification_url: str
    partner_names: list[str] = field(default_factory=list)
    #: What the QR code holds (Certificate.qr_url); None: the verification URL.
    qr_url: str | None = None
    signatory_name: str = "Academy Director"
    signatory_title: str = ""
    #: Relative to ASSET_ORIGIN: "static/<path>" or "media/<storage name>", or None.
    signature_path: str | None = None
    logo_path: str | None = DEFAULT_LOGO
    heading: str = DEFAULT_HEADING
    #: Wording with placeholders, filled at render time (see BODY_PLACEHOLDERS).
    body: str = DEFAULT_BODY
    footer_note: str = DEFAULT_FOOTER

    def media_names(self) -> frozenset[str]:
        """Media files this certificate may load: its signature and logo only."""
        paths = (self.signature_path, self.logo_path)
        return frozenset(
            p.removeprefix(MEDIA_PREFIX) for p in paths if p and p.startswith(MEDIA_PREFIX)
        )


# --- Certificates --------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def format_hours(hours) -> str:
    if hours is None:
        return ""
    value = Decimal(str(hours)).normalize()
    return f"{value:f}"


def format_date(value: dt.date | None) -> str:
    """"March 2, 2026"; in Spanish "2 de marzo de 2026" (the active language)."""
    if not value:
        return ""
    formats = FORMATS_BY_LANGUAGE.get((get_language() or "en")[:2], FORMATS)
    return date_format(value, formats["longdate"])


def wording(text: str) -> str:
    """Staff-written wording as it prints: the academy's stock wording (the settings'
    defaults) in the active language; anything staff wrote themselves as they wrote it."""
    return _(text) if text in STOCK_WORDING else text


def fill_placeholders(wording: str, data: CertificateData) -> str:
    """Replace {name}, {course}... in staff-written wording; unknown ones stay as typed.
    Plain text in, plain text out: the template escapes the result."""
    values = {
        "name": data.recipient_name,
        "course": data.course_title,
        "cohort": data.cohort_title,
        "hours": format_hours(data.hours),
        "start_date": format_date(data.start_date),
        "end_date": format_date(data.end_date),
    }
    return _PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), wording)


def qr_data_uri(url: str) -> str:
    """The verification URL as a QR code: a PNG of one pixel per module, scaled up by
    CSS without smoothing (far cheaper for WeasyPrint than an SVG path)."""
    # A fixed mask skips segno's evaluation of all eight (3-4 ms in Python); any mask
    # gives a valid code, and readers decode this size of code with any of them.
    code = segno.make(url, error="m", micro=False, mask=0)
    return "data:image/png;base64," + base64.b64encode(_grey_png(code.matrix)).decode()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data)))


def _grey_png(matrix) -> bytes:
    """An 8-bit greyscale PNG of a QR code's modules (1 = dark), one pixel each. Not
    segno's 1-bit PNG: WeasyPrint converts a 1-bit image to RGB and encodes it again,
    and embeds an 8-bit grey one as it is (about 1 ms less per certificate)."""
    width, height = len(matrix[0]), len(matrix)
    rows = b"".join(b"\0" + bytes(0 if dark else 255 for dark in row) for row in matrix)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(rows, 6)) + _png_chunk(b"IEND", b""))


def _name_size_class(name: str) -> str:
    if len(name) > 60:
        return "name--xs"
    if len(name) > 42:
        return "name--s"
    if len(name) > 28:
        return "name--m"
    return ""


def certificate_details(data: CertificateData) -> str:
    """The facts line: dates, hours and date of issue, as one run of text. The cohort's
    label is the academy's internal name for a run and stays off the certificate."""
    parts = []
    if data.start_date and data.end_date:
        parts.append(f"{format_date(data.start_date)} – {format_date(data.end_date)}")
    if data.hours is not None:
        parts.append(_("%(hours)s hours") % {"hours": format_hours(data.hours)})
    parts.append(_("issued %(date)s") % {"date": format_date(data.issued_on)})
    return " · ".join(p for p in parts if p)


# Storage names as Wagtail and Django write them; anything else stays off the page
# rather than into a CSS url() (see certificate_context).
_SAFE_ASSET_PATH = re.compile(r"(static|media)/[\w./@+-]+")


def _logo_url(data: CertificateData) -> str | None:
    if not data.logo_path:
        return None
    if not _SAFE_ASSET_PATH.fullmatch(data.logo_path):
        logger.warning("Certificate logo path %r left out", data.logo_path)
        return None
    return data.logo_path


def certificate_context(data: CertificateData) -> dict:
    """The template's context, in the active language (the certificate's)."""
    heading = wording(data.heading)
    return {
        "c": data,
        "heading": heading,
        "signatory_name": wording(data.signatory_name),
        "signatory_title": wording(data.signatory_title),
        "footer_note": wording(data.footer_note),
        "logo_url": _logo_url(data),
        "body_text": fill_placeholders(wording(data.body), data),
        "details": certificate_details(data),
        "name_class": _name_size_class(data.recipient_name),
        "qr_src": qr_data_uri(data.qr_url or data.verification_url),
        "title": f"{heading}: {data.recipient_name}, {data.course_title}",
    }


def _rendition_path(image, filter_spec: str) -> str | None:
    if image is None:
        return None
    try:
        return MEDIA_PREFIX + image.get_rendition(filter_spec).file.name
    except Exception:  # a missing or unreadable upload must not stop certificates
        logger.exception("Certificate image %s could not be prepared", image.pk)
        return None


def settings_values(cert_settings) -> dict:
    """CertificateData keyword arguments from a CertificateSettings instance."""
    logo = _rendition_path(cert_settings.logo, LOGO_FILTER)
    return {
        "heading": cert_settings.heading,
        "body": cert_settings.body,
        "footer_note": cert_settings.footer_note,
        "signatory_name": cert_settings.signatory_name,
        "signatory_title": cert_settings.signatory_title,
        "signature_path": _rendition_path(cert_settings.signature_image, SIGNATURE_FILTER),
        "logo_path": logo or DEFAULT_LOGO,
    }


def certificate_data_sample(**overrides) -> CertificateData:
    """A realistic certificate for the settings preview and the benchmark."""
    values = {
        "recipient_name": "Councillor Maria Elena Gutiérrez-Whitfield",
        "course_title": "Budgets as Moral Documents: Participatory Budgeting in Practice",
        "cohort_title": "Spring 2026 cohort (live online)",
        "start_date": dt.date(2026, 3, 2),
        "end_date": dt.date(2026, 4, 27),
        "hours": Decimal("12.5"),
        "partner_names": ["Participatory Budgeting Project", "League of Cities"],
        "issued_on": dt.date(2026, 4, 30),
        "verification_code": "7KQM-X4PZ-RW9T-C3HD-NVA2",
        "signatory_name": "Dr. Amara Okafor",
        "signatory_title": "Executive Director, Progressive Governance Academy",
    }
    values["verification_url"] = (
        f"{settings.SITE_URL}/certificates/{values['verification_code']}/"
    )
    values["qr_url"] = qr_verification_url(values["verification_code"])
    values.update(overrides)
    return CertificateData(**values)
