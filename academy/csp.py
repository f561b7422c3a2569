"""Content-Security-Policy by area (django-csp underneath; the middleware in settings).

- Public, learner and facilitator pages: scripts and styles only from our own static
  files, nothing inline (templates carry no `style=` or `<script>` code; htmx injects no
  styles and evaluates no attribute code: see base.html). Images from us, `data:` (Bootstrap's
  icons) and the media origin (settings.CSP_MEDIA_ORIGINS, e.g. the S3 endpoint); frames
  only from the two video hosts courses/blocks.py embeds.
- /admin/ (the Wagtail admin, page previews included): Wagtail's admin still relies on
  inline scripts and styles, so they are allowed there, and only there. No eval: the page
  editor, image chooser and preview work without it (tests/e2e/test_csp.py).
- /documents/ (files Wagtail serves): nothing runs. Wagtail sends `default-src 'none'` on
  the file itself; the rest (a collection's password form) may use our stylesheet.
"""

from dataclasses import replace

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings

SELF, NONE = "'self'", "'none'"
VIDEO_FRAME_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


def site_policy() -> dict:
    media = list(settings.CSP_MEDIA_ORIGINS)
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *media],
        "media-src": [SELF, *media],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": VIDEO_FRAME_HOSTS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }


def admin_policy() -> dict:
    site = site_policy()
    return {
        **site,
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [*site["img-src"], "blob:"],
        "frame-src": [SELF, *VIDEO_FRAME_HOSTS],
        "worker-src": [SELF, "blob:"],
    }


def documents_policy() -> dict:
    return {
        "default-src": [NONE],
        "style-src": [SELF],
        "img-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [SELF],
    }


AREAS = (("/admin/", admin_policy), ("/documents/", documents_policy))


def policy_for(path: str) -> dict:
    """The directives for a request to `path`."""
    for prefix, policy in AREAS:
        if path.startswith(prefix):
            return policy()
    return site_policy()


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware with the policy of the request's area. A view's own
    @csp_update / @csp_replace still applies on top; report-only stays off."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        return replace(parts, config=policy_for(request.path_info))
