"""The certificates tab's rows, rendered in Python as the roster's are
(cohorts/views/roster_rows.py): with the template, each of 50 rows cost a dozen
translations, a CSRF token and a few dozen variable look-ups. The words are translated
once per page; every value from a person goes through `escape`."""

from html import escape

from django.template.backends.utils import csrf_input
from django.template.defaultfilters import floatformat
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from cohorts.models import EnrollmentStatus

S = EnrollmentStatus


class CertificateWords:
    def __init__(self, request):
        self.on_course = _("On course to complete")
        self.not_eligible = _("Not eligible yet")
        self.revoked = pgettext("certificate", "Revoked")
        self.by_exception = _("by exception")
        self.none_yet = _("None yet")
        self.reissue = _('Re-issue<span class="visually-hidden"> for %(name)s</span>')
        self.revoke = _('Revoke<span class="visually-hidden"> for %(name)s</span>')
        self.revoke_reason = _("Reason for revoking")
        self.revoke_button = _("Revoke certificate")
        self.issue = _('Issue<span class="visually-hidden"> to %(name)s</span>')
        self.exception = _('Issue as an exception<span class="visually-hidden"> to %(name)s'
                           '</span>')
        self.exception_reason = _("Reason for the exception (recorded and shown to staff)")
        self.exception_button = _("Issue as an exception")
        self.csrf = csrf_input(request)  # what {% csrf_token %} renders
        self.staff = request.user.is_staff


def _certificate_cell(certificate, words) -> str:
    if certificate is None:
        return words.none_yet
    state = (words.revoked if certificate.is_revoked
             else escape(certificate.get_render_status_display()))
    if certificate.override_reason:
        state += f" · {words.by_exception}"
    return (f'<a href="{escape(certificate.get_absolute_url())}"><code>'
            f'{escape(certificate.code)}</code></a><div class="small">{state}</div>')


def _actions(e, certificate, name, words) -> str:
    hidden = f'{words.csrf}<input type="hidden" name="action" value="'
    if certificate is not None:
        if certificate.is_revoked:
            return ""
        pk = certificate.pk
        html = (f'<form method="post" class="d-inline">{hidden}reissue"><input type="hidden" '
                f'name="certificate" value="{pk}"><button class="btn btn-sm '
                f'btn-outline-secondary" type="submit">{words.reissue % {"name": name}}'
                f'</button></form>')
        if words.staff:
            html += (
                f'<details class="d-inline-block"><summary class="btn btn-sm '
                f'btn-outline-danger">{words.revoke % {"name": name}}</summary>'
                f'<form method="post" class="mt-2">{hidden}revoke"><input type="hidden" '
                f'name="certificate" value="{pk}"><label class="form-label" '
                f'for="revoke-{pk}">{words.revoke_reason}</label><textarea '
                f'class="form-control" id="revoke-{pk}" name="reason" rows="2" required>'
                f'</textarea><button class="btn btn-sm btn-danger mt-1" type="submit">'
                f'{words.revoke_button}</button></form></details>')
        return html
    if e.status == S.COMPLETED:
        return (f'<form method="post">{hidden}issue_one"><input type="hidden" '
                f'name="enrollment" value="{e.pk}"><button class="btn btn-sm btn-primary" '
                f'type="submit">{words.issue % {"name": name}}</button></form>')
    return (f'<details><summary class="btn btn-sm btn-outline-secondary">'
            f'{words.exception % {"name": name}}</summary><form method="post" class="mt-2">'
            f'{hidden}override"><input type="hidden" name="enrollment" value="{e.pk}">'
            f'<label class="form-label" for="override-{e.pk}">{words.exception_reason}'
            f'</label><textarea class="form-control" id="override-{e.pk}" name="reason" '
            f'rows="2" maxlength="2000" required></textarea><button class="btn btn-sm '
            f'btn-primary mt-1" type="submit">{words.exception_button}</button></form>'
            f'</details>')


def certificate_row(row, words: CertificateWords) -> str:
    e, p, certificate = row["enrollment"], row["progress"], row["certificate"]
    name = escape(e.user.display_name)
    if p is None:
        attendance, modules, eligible = "–", "–", False
    else:
        attendance = ("–" if p.attendance_percent is None
                      else f"{floatformat(p.attendance_percent, 0)}%")
        modules, eligible = f"{p.modules_done} / {p.modules_required}", p.eligible
    if e.status == S.ENROLLED:
        result = words.on_course if eligible else words.not_eligible
    else:
        result = escape(e.get_status_display())
    return (f'<tr><th scope="row">{name}</th><td>{attendance}</td><td>{modules}</td>'
            f'<td>{result}</td><td>{_certificate_cell(certificate, words)}</td>'
            f'<td>{_actions(e, certificate, name, words)}</td></tr>')


def certificate_rows(request, rows) -> str:
    words = CertificateWords(request)
    return mark_safe("".join(certificate_row(row, words) for row in rows))
