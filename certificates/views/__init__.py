"""Certificate views by audience: public (verification, credentials, the PDF download),
facilitate (the cohort's certificates page), learner (the transcript) and clerk (the
training-requirements export)."""

from .clerk import ClerkReportView
from .facilitate import (
    CohortCertificatesProgressView,
    CohortCertificatesView,
    CohortCertificatesZipView,
)
from .learner import (
    transcript,
    transcript_csv,
    transcript_link_reset_view,
    transcript_pdf,
    transcript_shared,
)
from .public import (
    credential_json,
    credential_verify_view,
    did_json,
    download_pdf,
    status_list_json,
    verify,
    verify_json,
    verify_short,
)

__all__ = [
    "ClerkReportView", "CohortCertificatesProgressView", "CohortCertificatesView",
    "CohortCertificatesZipView", "credential_json",
    "credential_verify_view", "did_json", "download_pdf", "status_list_json", "transcript",
    "transcript_csv", "transcript_link_reset_view", "transcript_pdf", "transcript_shared",
    "verify", "verify_json", "verify_short",
]
