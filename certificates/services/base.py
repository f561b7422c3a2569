"""What the certificate services share: the error people read and the render task's name."""

RENDER_TASK = "certificates.render"


class CertificateError(Exception):
    """A rule was broken; the message is for people."""
