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

Speed: one FontConfiguration per process, stylesheets compiled once, a user-agent
stylesheet of three rules for certificates (`CertificateHTML`), font subsetting without a
C parser run per glyph count, and static and media bytes plus WeasyPrint's decoded images
cached in memory, so a certificate costs a small multiple of a one-line document and
memory stays flat over a batch.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import logging
import mimetypes
import re
import threading
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .certificate_data import (  # noqa: F401 - the rendering API in one place
    ASSET_ORIGIN,
    CERTIFICATE_CSS,
    CERTIFICATE_TEMPLATE,
    DEFAULT_LOGO,
    MEDIA_PREFIX,
    STATIC_PREFIX,
    CertificateData,
    certificate_context,
    certificate_data_sample,
    certificate_details,
    fill_placeholders,
    format_date,
    format_hours,
    qr_data_uri,
    settings_values,
)
from .pdf_fonts import font_config, weasyprint_subsetting_ok  # noqa: F401 - the API here

logger = logging.getLogger(__name__)
_ASSET_CACHE_MAX = 64


class CertificateFetchRefused(ValueError):
    """WeasyPrint asked for a resource a certificate may not use."""


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
            return _data_uri(url)
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
        return URLFetcherResponse(url, body, _headers(content_type))


@functools.lru_cache(maxsize=32)
def _headers(content_type: str) -> EmailMessage:
    """A response's headers, built once per content type: WeasyPrint would build an
    EmailMessage from a dict on every fetch (the logo and QR code of every certificate).
    Only read, never changed, for bytes bodies."""
    headers = EmailMessage()
    headers["Content-Type"] = content_type
    return headers


def _data_uri(url: str) -> URLFetcherResponse:
    """A data: URI's bytes, decoded here rather than by urllib's handler (a tenth of the
    time, which counts for the QR code of every certificate). Malformed: ValueError,
    and WeasyPrint leaves the resource out."""
    header, comma, payload = url[5:].partition(",")
    if not comma:
        raise ValueError("A data: URI without data")
    media_type, *parameters = header.split(";")
    if parameters and parameters[-1] == "base64":
        try:
            body = base64.b64decode(payload, validate=True)
        except binascii.Error as exc:
            raise ValueError("A data: URI with invalid base64") from exc
    else:
        body = unquote_to_bytes(payload)
    return URLFetcherResponse(url, body, _headers(media_type or "text/plain"))


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
    certificate_ua_stylesheet.cache_clear()
    minimal_stylesheet.cache_clear()


@functools.lru_cache(maxsize=16)
def _fetcher(media_names: frozenset[str]) -> AssetFetcher:
    return AssetFetcher(media_names)


# What the certificate needs of a user-agent stylesheet; its own stylesheet does the rest.
CERTIFICATE_UA_CSS = (
    "html, body, p { display: block } head, title { display: none } img { overflow: hidden }"
)


@functools.cache
def certificate_ua_stylesheet() -> CSS:
    return CSS(string=CERTIFICATE_UA_CSS, font_config=font_config())


class CertificateHTML(HTML):
    """A certificate's document, with `CERTIFICATE_UA_CSS` for a user-agent stylesheet.
    WeasyPrint's HTML5 one styles a hundred elements and the sixteen page-margin boxes,
    none of which a certificate has, and the cascade tries its rules on every element and
    every margin box of the page: a sixth of a certificate's time. The page comes out the
    same (tests/certificates/test_rendering.py compares them); the benchmark's one-line
    page keeps WeasyPrint's stylesheet."""

    def _ua_stylesheets(self, forms=False):
        return [certificate_ua_stylesheet()]


def render_html_pdf(html: str, stylesheets=(), media_names=(), one_page=True,
                    html_class=HTML) -> bytes:
    """Render trusted HTML (from our templates) to PDF bytes, the certificates' way."""
    cache = _image_cache()
    try:
        document = html_class(
            string=html, base_url=ASSET_ORIGIN, url_fetcher=_fetcher(frozenset(media_names))
        ).render(font_config=font_config(), stylesheets=list(stylesheets), cache=cache)
        if one_page and len(document.pages) != 1:
            logger.error("Certificate layout overflowed to %d pages", len(document.pages))
            document = document.copy(document.pages[:1])
        return document.write_pdf()
    finally:
        _forget_one_off_images(cache)


def render_minimal_pdf(text: str = "Minimal document", html_class=HTML) -> bytes:
    """A one-line page rendered the same way: the benchmark's yardstick."""
    return render_html_pdf(f"<p>{escape(text)}</p>", stylesheets=[minimal_stylesheet()],
                           html_class=html_class)


# --- Certificates --------------------------------------------------------------------

def render_certificate_html(data: CertificateData) -> str:
    return render_to_string(CERTIFICATE_TEMPLATE, certificate_context(data))


def render_certificate_pdf(data: CertificateData) -> bytes:
    """The certificate as PDF bytes: one landscape Letter page."""
    return render_html_pdf(
        render_certificate_html(data),
        stylesheets=[certificate_stylesheet()],
        media_names=data.media_names(),
        html_class=CertificateHTML,
    )


TRANSCRIPT_TEMPLATE = "certificates/pdf/transcript.html"


def _page_counter_css() -> str:
    """"Page 2 of 5" in the active language, as a CSS `content` value."""
    parts = re.split(r"(%\(pages?\)s)", _("Page %(page)s of %(pages)s"))
    return " ".join(
        "counter(page)" if part == "%(page)s" else
        "counter(pages)" if part == "%(pages)s" else
        "'" + part.replace("\\", "").replace("'", "\\'") + "'"
        for part in parts if part
    )


def transcript_stylesheet() -> CSS:
    """The certificate's face and colours on portrait pages (a transcript runs long),
    with the page numbers in the active language."""
    return _transcript_stylesheet(get_language() or settings.LANGUAGE_CODE)


@functools.cache
def _transcript_stylesheet(language: str) -> CSS:
    return CSS(
        string="@page { size: letter; margin: 0.6in; "
        "@bottom-center { content: " + _page_counter_css() + "; "
        "font-size: 8pt; color: #5b6472 } } "
        "html { border-top: 0.16in solid #1d3f72; padding-top: 0.1in } "
        "body { font-family: 'DejaVu Serif', serif; color: #1b2430; font-size: 9.5pt; "
        "border-top: 2pt solid #f2b705; padding-top: 0.2in } "
        ".logo { height: 0.6in } p.heading { font-size: 22pt; color: #1d3f72; margin: 0.1in 0 } "
        "table { width: 100%; border-collapse: collapse } "
        "th { text-align: left; color: #1d3f72; border-bottom: 1.5pt solid #1d3f72 } "
        "td, th { padding: 3pt 4pt; vertical-align: top } "
        "td { border-bottom: 0.5pt solid #c9ced6 } .note { font-size: 8pt; color: #5b6472 }",
        base_url=ASSET_ORIGIN,
        url_fetcher=AssetFetcher(),
        font_config=font_config(),
    )


def render_transcript_pdf(context: dict) -> bytes:
    html = render_to_string(TRANSCRIPT_TEMPLATE, context)
    return render_html_pdf(html, stylesheets=[transcript_stylesheet()], one_page=False)
