"""Content-Security-Policy by area (django-csp underneath).

Public, learner and facilitator pages get settings.CONTENT_SECURITY_POLICY: scripts and
styles from our own static files only, nothing inline. Two areas get their own policy,
both defined in settings next to it:

- /admin/ (the Wagtail admin and its page previews): ADMIN_CONTENT_SECURITY_POLICY, which
  allows the inline scripts, inline styles and eval that Wagtail's admin still uses;
- /documents/ (files served by Wagtail): DOCUMENTS_CONTENT_SECURITY_POLICY.
"""

from dataclasses import replace

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings

AREA_POLICIES = (
    ("/admin/", "ADMIN_CONTENT_SECURITY_POLICY"),
    ("/documents/", "DOCUMENTS_CONTENT_SECURITY_POLICY"),
)


def policy_setting_for(path: str) -> str:
    """The name of the setting whose policy applies to `path`."""
    for prefix, setting in AREA_POLICIES:
        if path.startswith(prefix):
            return setting
    return "CONTENT_SECURITY_POLICY"


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        setting = policy_setting_for(request.path_info)
        if report_only or parts.config is not None or setting == "CONTENT_SECURITY_POLICY":
            return parts
        return replace(parts, config=getattr(settings, setting)["DIRECTIVES"])
