"""Certificate rules, in three parts: issuing (issue, re-issue, revoke), rendering (the
PDF's input, the render, the sweep) and the Open Badges credentials beside each
certificate (status bits, signing, checking, key rotation). Import from here."""

from .base import RENDER_BATCH, RENDER_TASK, CertificateError, renders_queue
from .credentials import (
    certificate_credential_build,
    certificates_missing_credentials,
    credential_key_rotate,
    credential_verify,
    status_lists_resign,
)
from .issuing import (
    EXCEPTION_STATUSES,
    ISSUABLE_STATUSES,
    MAX_REASON,
    MAX_REVOKE_REASON,
    certificate_issue,
    certificate_issue_completed,
    certificate_issue_self_paced,
    certificate_reissue,
    certificate_revoke,
)
from .rendering import (
    certificate_data,
    certificate_pdf,
    certificate_pdf_name,
    certificate_render,
    certificate_render_failed,
    certificate_render_many,
    certificates_to_sweep,
)

__all__ = [
    "CertificateError", "RENDER_BATCH", "RENDER_TASK", "EXCEPTION_STATUSES",
    "ISSUABLE_STATUSES", "MAX_REASON", "MAX_REVOKE_REASON", "certificate_credential_build",
    "certificate_data", "certificate_issue", "certificate_issue_completed",
    "certificate_issue_self_paced", "certificate_pdf", "certificate_pdf_name",
    "certificate_reissue", "certificate_render", "certificate_render_failed",
    "certificate_render_many", "certificate_revoke", "certificates_missing_credentials",
    "certificates_to_sweep", "credential_key_rotate", "credential_verify", "renders_queue",
    "status_lists_resign",
]
