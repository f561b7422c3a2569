"""System checks: every state training-requirement file is valid (manage.py check, start-up);
in production (check --deploy) credentials are signed with a configured key."""

from django.core import checks

from academy.rulefiles import check_rule_files

from . import issuer
from .hours.requirements import load_requirements


@checks.register()
def check_requirement_rules(app_configs=None, **kwargs):
    return check_rule_files(load_requirements, check_id="certificates.E001")


@checks.register(checks.Tags.security, deploy=True)
def check_credential_signing_key(app_configs=None, **kwargs):
    """Production signs credentials with a configured key, never the development one."""
    source = issuer.key_source()
    if source.is_development:
        return [checks.Error(
            "Open Badges credentials would be signed with the DEVELOPMENT key "
            f"({source.path}), generated on this machine.",
            hint="Set CREDENTIALS_SIGNING_KEY_FILE to a PEM Ed25519 key kept outside the "
            "repository and the database (openssl genpkey -algorithm ed25519), or "
            "CREDENTIALS_SIGNING_KEY to its PEM text.",
            id="certificates.E002",
        )]
    try:
        issuer.signing_key()
        issuer.did_document()
    except (issuer.SigningKeyError, ValueError) as exc:
        return [checks.Error(
            f"The credential signing key or a retired key is unusable: {exc}",
            hint="Check CREDENTIALS_SIGNING_KEY(_FILE) and CREDENTIALS_RETIRED_KEYS(_FILE).",
            id="certificates.E003",
        )]
    return []
