"""Check a pasted Open Badges credential against the academy's DID document and lists.

``verify_credential`` answers in plain English, one line per check, in order: the text
is a credential; the academy issued it; the signature is valid; it is not revoked. The
first check that fails says why, and the later ones are reported as not checked. It
never raises, whatever it is given. Nothing is fetched: the caller passes the DID
document and the status list credentials it publishes.
"""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import proofs, status_list
from .keys import key_resolver

CREDENTIAL_TYPES = {"OpenBadgeCredential", "AchievementCredential"}
LABELS = {
    "parsed": gettext_lazy("The text is an Open Badges credential"),
    "issuer_known": gettext_lazy("Issued by this academy"),
    "signature_valid": gettext_lazy("The signature is valid"),
    "not_revoked": gettext_lazy("Not revoked"),
}


@dataclass(frozen=True)
class Check:
    name: str  # one of LABELS
    passed: bool | None  # None: not checked, an earlier check failed
    message: str

    @property
    def label(self) -> str:
        return LABELS[self.name]


@dataclass(frozen=True)
class CredentialVerification:
    checks: tuple[Check, ...]
    credential: dict | None = None
    revoked: bool | None = None  # None: the revocation check did not get to an answer

    @property
    def verified(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def failed_check(self) -> Check | None:
        return next((check for check in self.checks if check.passed is False), None)


class _Failed(Exception):
    def __init__(self, message: str, revoked: bool = False):
        self.message = message
        self.revoked = revoked


def verify_credential(
    credential, did_document: Mapping, status_list_credentials: Mapping | Iterable = ()
) -> CredentialVerification:
    """Run the four checks on a credential given as JSON text or as a parsed dict."""
    checks: list[Check] = []
    parsed = revoked = None
    steps = (
        ("parsed", _parse),
        ("issuer_known", _issuer_known),
        ("signature_valid", _signature_valid),
        ("not_revoked", _not_revoked),
    )
    for position, (name, step) in enumerate(steps):
        try:
            if name == "parsed":
                parsed, message = step(credential)
            else:
                message = step(parsed, did_document, status_list_credentials)
        except _Failed as failure:
            message, ok = failure.message, False
            revoked = True if failure.revoked else None
        except Exception as exc:  # noqa: BLE001 - a verifier answers, whatever it is given
            message = _("This could not be checked (%(error)s).") % {
                "error": type(exc).__name__}
            ok = False
        else:
            ok = True
            revoked = False if name == "not_revoked" else None
        checks.append(Check(name, ok, message))
        if not ok:
            reason = _('Not checked, because the check "%(check)s" failed.') % {
                "check": LABELS[name]}
            checks += [Check(later, None, reason) for later, _step in steps[position + 1 :]]
            break
    credential = parsed if isinstance(parsed, dict) else None
    return CredentialVerification(tuple(checks), credential, revoked)


def _parse(credential):
    if isinstance(credential, bytes | str):
        try:
            credential = json.loads(credential)
        except (ValueError, RecursionError):
            raise _Failed(_("This is not JSON: paste the credential's whole JSON text.")) from None
    if not isinstance(credential, dict):
        raise _Failed(_("This JSON is not a credential (a credential is a JSON object)."))
    types = credential.get("type")
    types = {t for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
    if "VerifiableCredential" not in types or not types & CREDENTIAL_TYPES:
        raise _Failed(_("This JSON is not an Open Badges credential (OpenBadgeCredential)."))
    return credential, _("This is an Open Badges 3.0 credential.")


def _issuer_id(credential) -> str | None:
    issuer = credential.get("issuer")
    issuer = issuer.get("id") if isinstance(issuer, dict) else issuer
    return issuer if isinstance(issuer, str) else None


def _issuer_known(credential, did_document, _lists) -> str:
    issuer, did = _issuer_id(credential), did_document.get("id")
    if issuer != did:
        raise _Failed(_("It names another issuer (%(issuer)s), not this academy (%(did)s).")
                      % {"issuer": issuer or _("none"), "did": did})
    proof = credential.get("proof")
    proof = proof[0] if isinstance(proof, list) and len(proof) == 1 else proof
    if not isinstance(proof, dict):
        raise _Failed(_("It carries no signature (proof), so its issuer cannot be confirmed."))
    method = proof.get("verificationMethod")
    if not isinstance(method, str) or not method.startswith(f"{did}#"):
        raise _Failed(_("It is signed with a key that does not belong to this academy."))
    if key_resolver(did_document)(method) is None:
        raise _Failed(_("It is signed with a key this academy does not list (or no longer)."))
    return _("Issued by this academy (%(did)s).") % {"did": did}


def _signature_valid(credential, did_document, _lists) -> str:
    result = proofs.verify(credential, key_resolver(did_document))
    if not result.verified:
        raise _Failed(result.message)
    return _("The signature is valid: nothing was changed since the academy signed it.")


def _list_by_url(lists) -> dict:
    if isinstance(lists, Mapping):
        return dict(lists)
    return {item.get("id"): item for item in lists if isinstance(item, dict)}


def _not_revoked(credential, did_document, lists) -> str:
    entries = credential.get("credentialStatus")
    entries = entries if isinstance(entries, list) else [entries] if entries else []
    entries = [e for e in entries if isinstance(e, dict) and e.get("statusPurpose") == "revocation"]
    if not entries:
        return _("It has no revocation status entry, so it cannot be revoked.")
    for entry in entries:
        url = entry.get("statusListCredential")
        list_credential = _list_by_url(lists).get(url)
        if list_credential is None:
            raise _Failed(_("The revocation list %(url)s is not available, so it was not checked.")
                          % {"url": url})
        if _issuer_id(list_credential) != did_document.get("id"):
            raise _Failed(_("The revocation list was not issued by this academy."))
        if not proofs.verify(list_credential, key_resolver(did_document)).verified:
            raise _Failed(_("The revocation list's own signature is not valid."))
        try:
            revoked = status_list.entry_status(entry, list_credential)
        except status_list.StatusListError as exc:
            raise _Failed(
                _("Its revocation status cannot be read: %(error)s.") % {"error": exc}
            ) from None
        if revoked:
            raise _Failed(_("Revoked: the academy has withdrawn this credential."), revoked=True)
    return _("Not revoked: the academy's revocation list does not mark it.")
