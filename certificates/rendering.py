"""Certificate PDFs with WeasyPrint: one landscape Letter page per certificate.

`render_certificate_pdf(data)` turns a `CertificateData` into PDF bytes. It needs no
request and no database (a Celery worker calls it), only templates, static files and,
for the signature and logo chosen in the settings, media storage.

Safety: every resource WeasyPrint asks for goes through `AssetFetcher`, which serves
only the project's static files, the media files named by the certificate's settings
and `data:` URIs. Documents are rendered against a private origin
(`https://academy-assets.invalid/`) that is never fetched over the network: anything
else (file:, http:, https: to another host, ftp:...) is refused, and profile text is
auto-escaped by the Django template, so a name like ``<img src=file:///etc/passwd>``
prints as text.

Speed: one FontConfiguration per process, stylesheets compiled once, and static and
media bytes plus WeasyPrint's decoded images cached in memory, so a certificate costs a
small multiple of a one-line document and memory stays flat over a batch.
"""

from __future__ import annotations

import ctypes.util
import datetime as dt
import functools
import hashlib
import logging
import mimetypes
import re
import threading
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urlsplit

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils.dateformat import format as date_format
from django.utils.html import escape
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .models import DEFAULT_BODY, DEFAULT_FOOTER, DEFAULT_HEADING

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
_ASSET_CACHE_MAX = 64


class CertificateFetchRefused(ValueError):
    """WeasyPrint asked for a resource a certificate may not use."""


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


# --- Fetching ------------------------------------------------------------------------

_asset_cache: dict[str, tuple[bytes, str]] = {}
_asset_lock = threading.Lock()


def _clean_relative_path(path: str) -> str:
    parts = path.split("/")
    if not path or path.startswith("/") or "\\" in path or "\x00" in path:
        raise CertificateFetchRefused(f"Not a plain relative path: {path!r}")
    if any(part in ("", ".", "..") for part in parts):
        raise CertificateFetchRefused(f"Not a plain relative path: {path!r}")
    return path


def _read_static(path: str) -> bytes:
    found = finders.find(path)
    if not found:
        # Collected only (no app directories on this machine): STATIC_ROOT.
        root = Path(settings.STATIC_ROOT).resolve()
        candidate = (root / path).resolve()
        if root not in candidate.parents or not candidate.is_file():
            raise CertificateFetchRefused(f"No such static file: {path}")
        found = str(candidate)
    return Path(found).read_bytes()


def _read_media(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        return handle.read()


class AssetFetcher(URLFetcher):
    """WeasyPrint URL fetcher: the project's static files, the given media names and
    data: URIs. Everything else raises CertificateFetchRefused (WeasyPrint then leaves
    the resource out and logs a warning)."""

    def __init__(self, media_names=()):
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, timeout=1)
        self.media_names = frozenset(media_names)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not url.startswith(ASSET_ORIGIN):
            raise CertificateFetchRefused(f"Certificates may not load {url[:200]!r}")
        path = _clean_relative_path(unquote(urlsplit(url).path).removeprefix("/"))
        if path.startswith(STATIC_PREFIX):
            key, reader = path, _read_static
            name = _clean_relative_path(path.removeprefix(STATIC_PREFIX))
        elif path.startswith(MEDIA_PREFIX):
            name = _clean_relative_path(path.removeprefix(MEDIA_PREFIX))
            if name not in self.media_names:
                raise CertificateFetchRefused(f"Media file not used by the settings: {name}")
            key, reader = path, _read_media
        else:
            raise CertificateFetchRefused(f"Certificates may not load {url[:200]!r}")
        cached = _asset_cache.get(key)
        if cached is None:
            body = reader(name)
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            cached = (body, content_type)
            with _asset_lock:
                if len(_asset_cache) >= _ASSET_CACHE_MAX:
                    _asset_cache.clear()
                _asset_cache[key] = cached
        body, content_type = cached
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


# --- Cached WeasyPrint state ---------------------------------------------------------

# WeasyPrint's decoded images, keyed by URL (plus image data under "<md5 of URL>-...").
# One per thread: a render reads the entries it stored until write_pdf() is done.
_images = threading.local()


def _image_cache() -> dict:
    cache = getattr(_images, "cache", None)
    if cache is None or len(cache) > _ASSET_CACHE_MAX:
        cache = _images.cache = {}
    return cache


def _forget_one_off_images(cache: dict) -> None:
    """Drop data: URIs (a certificate's own QR code, never seen again) and the image data
    WeasyPrint filed under their id, so the cache keeps only the shared logo and
    signature and stays the same size over a batch."""
    for url in [key for key in cache if key.startswith("data:")]:
        del cache[url]
        prefix = hashlib.md5(url.encode(), usedforsecurity=False).hexdigest() + "-"
        for key in [key for key in cache if key.startswith(prefix)]:
            del cache[key]


@functools.cache
def font_config() -> FontConfiguration:
    """One per process: a new one per render costs time and ~280 KB that never returns."""
    return FontConfiguration()


@functools.cache
def certificate_stylesheet() -> CSS:
    return CSS(
        url=ASSET_ORIGIN + STATIC_PREFIX + CERTIFICATE_CSS,
        url_fetcher=AssetFetcher(),
        font_config=font_config(),
    )


@functools.cache
def minimal_stylesheet() -> CSS:
    return CSS(
        string="@page { size: letter landscape; margin: 0.5in } "
        "body { font-family: 'DejaVu Serif', serif; font-size: 14pt }",
        base_url=ASSET_ORIGIN,
        url_fetcher=AssetFetcher(),
        font_config=font_config(),
    )


def clear_caches() -> None:
    """Forget cached bytes and images (tests; after replacing a file in place)."""
    with _asset_lock:
        _asset_cache.clear()
    _images.cache = {}
    certificate_stylesheet.cache_clear()
    minimal_stylesheet.cache_clear()


@functools.lru_cache(maxsize=16)
def _fetcher(media_names: frozenset[str]) -> AssetFetcher:
    return AssetFetcher(media_names)


def render_html_pdf(html: str, stylesheets=(), media_names=(), one_page=True) -> bytes:
    """Render trusted HTML (from our templates) to PDF bytes, the certificates' way."""
    cache = _image_cache()
    try:
        document = HTML(
            string=html, base_url=ASSET_ORIGIN, url_fetcher=_fetcher(frozenset(media_names))
        ).render(font_config=font_config(), stylesheets=list(stylesheets), cache=cache)
        if one_page and len(document.pages) != 1:
            logger.error("Certificate layout overflowed to %d pages", len(document.pages))
            document = document.copy(document.pages[:1])
        return document.write_pdf()
    finally:
        _forget_one_off_images(cache)


def render_minimal_pdf(text: str = "Minimal document") -> bytes:
    """A one-line page rendered the same way: the benchmark's yardstick."""
    return render_html_pdf(f"<p>{escape(text)}</p>", stylesheets=[minimal_stylesheet()])


# --- Certificates --------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def format_hours(hours) -> str:
    if hours is None:
        return ""
    value = Decimal(str(hours)).normalize()
    return f"{value:f}"


def format_date(value: dt.date | None) -> str:
    return date_format(value, "F j, Y") if value else ""


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
    return code.png_data_uri(scale=1, border=0)


def _name_size_class(name: str) -> str:
    if len(name) > 60:
        return "name--xs"
    if len(name) > 42:
        return "name--s"
    if len(name) > 28:
        return "name--m"
    return ""


def certificate_details(data: CertificateData) -> str:
    """The facts line: cohort, dates, hours and date of issue, as one run of text."""
    parts = [data.cohort_title]
    if data.start_date and data.end_date:
        parts.append(f"{format_date(data.start_date)} – {format_date(data.end_date)}")
    if data.hours is not None:
        parts.append(f"{format_hours(data.hours)} hours")
    parts.append(f"issued {format_date(data.issued_on)}")
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
    return {
        "c": data,
        "logo_url": _logo_url(data),
        "body_text": fill_placeholders(data.body, data),
        "details": certificate_details(data),
        "name_class": _name_size_class(data.recipient_name),
        "qr_src": qr_data_uri(data.verification_url),
        "title": f"{data.heading}: {data.recipient_name}, {data.course_title}",
    }


def render_certificate_html(data: CertificateData) -> str:
    return render_to_string(CERTIFICATE_TEMPLATE, certificate_context(data))


def render_certificate_pdf(data: CertificateData) -> bytes:
    """The certificate as PDF bytes: one landscape Letter page."""
    return render_html_pdf(
        render_certificate_html(data),
        stylesheets=[certificate_stylesheet()],
        media_names=data.media_names(),
    )


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
    values.update(overrides)
    return CertificateData(**values)


# --- Environment check ---------------------------------------------------------------


def weasyprint_subsetting_ok() -> bool:
    """Whether WeasyPrint can subset fonts with HarfBuzz (libharfbuzz-subset0).

    Without it WeasyPrint falls back to fontTools in Python and a certificate takes
    about ten times longer."""
    try:
        from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

        return harfbuzz_subset is not None and bool(harfbuzz.hb_version_atleast(4, 1, 0))
    except Exception:  # a WeasyPrint without these names: ask the dynamic loader
        return ctypes.util.find_library("harfbuzz-subset") is not None
