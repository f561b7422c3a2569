"""Open Badges 3.0 credentials of certificates: status-list bits, building and signing a
certificate's credential, checking a pasted one, rotating the signing key.

Each render signs the certificate's credential (so a re-issue re-signs it); revoking
flips the certificate's bit in its status list, which is re-signed at once.
"""

import logging
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from academy.public_cache import remembered
from cohorts.progress import enrollments_progress
from courses.models import CoursePage, Pillar, PolicyArea

from .. import issuer
from ..credentials import keys, openbadge, proofs
from ..credentials import status_list as bitstrings
from ..credentials.verification import Check, CredentialVerification, verify_credential
from ..models import Certificate, RenderStatus, StatusList
from ..selectors import activity_span
from .base import CertificateError, renders_queue

log = logging.getLogger(__name__)

STATUS_LIST_ATTEMPTS = 5


def _status_list_sign(status_list: StatusList, now=None) -> dict:
    """The list's BitstringStatusListCredential, signed with the current key."""
    now = now or timezone.now()
    key = issuer.signing_key()
    unsigned = bitstrings.status_list_credential(
        url=status_list.url, issuer=issuer.did(), bits=bytes(status_list.bits), valid_from=now
    )
    return proofs.sign(unsigned, key, key.key_id(issuer.issuer_host()), now)


def _status_bit_allocate() -> tuple[StatusList, int]:
    """A fresh bit (see `_status_bits_allocate`). In a transaction."""
    return _status_bits_allocate(1)[0]


def _status_bits_allocate(count: int) -> list[tuple[StatusList, int]]:
    """`count` fresh bits: the newest list's next indexes, taken under its row lock (a new
    list when it is full). Indexes only grow, so a bit is never given twice. In a
    transaction."""
    bits: list[tuple[StatusList, int]] = []
    attempts = 0
    while len(bits) < count:
        latest = StatusList.objects.select_for_update().order_by("-number").first()
        if latest is not None and not latest.is_full:
            first = latest.next_index
            latest.next_index = min(latest.size, first + count - len(bits))
            latest.save(update_fields=["next_index", "updated_at"])
            bits += [(latest, index) for index in range(first, latest.next_index)]
            continue
        attempts += 1
        if attempts > STATUS_LIST_ATTEMPTS:
            raise CertificateError("The revocation list is busy; please try again.")
        fresh = StatusList(number=latest.number + 1 if latest else 1)
        fresh.bits = bytes(bitstrings.new_bitstring(fresh.size))
        fresh.credential = _status_list_sign(fresh)
        try:
            with transaction.atomic():
                fresh.save()
        except IntegrityError:
            continue  # another process created this list first: lock and use it
    return bits


def _status_bit_set(*, list_id: int, index: int, value: bool = True) -> None:
    """Flip one bit and re-sign the list (in the caller's transaction, under the lock)."""
    status_list = StatusList.objects.select_for_update().get(pk=list_id)
    bits = bytearray(status_list.bits)
    bitstrings.set_bit(bits, index, value)
    status_list.bits = bytes(bits)
    try:
        status_list.credential = _status_list_sign(status_list)
    except issuer.SigningKeyError as exc:
        log.error("Status list %s not signed: %s", status_list.number, exc)
        raise CertificateError(
            "The revocation list cannot be signed (the credential signing key is not "
            "available), so nothing was changed. Please tell the site's administrators."
        ) from exc
    status_list.save(update_fields=["bits", "credential", "updated_at"])


def status_lists_resign() -> int:
    """Re-sign every status list with the current key (after a rotation)."""
    count = 0
    for pk in StatusList.objects.values_list("pk", flat=True):
        with transaction.atomic():
            status_list = StatusList.objects.select_for_update().get(pk=pk)
            status_list.credential = _status_list_sign(status_list)
            status_list.save(update_fields=["credential", "updated_at"])
            count += 1
    return count


def status_bits_at_issue(count: int) -> list[tuple[StatusList | None, int | None]]:
    """`count` fresh status bits for certificates being issued (in the issuing
    transaction, whose commit releases the list's lock). When the revocation list cannot
    be signed, [(None, None), ...]: issuing goes on and each first render takes a bit."""
    try:
        with transaction.atomic():
            return _status_bits_allocate(count)
    except (issuer.SigningKeyError, CertificateError) as exc:
        log.warning("Status bits left to the renders: %s", exc)
        return [(None, None)] * count


def credential_facts(enrollment, *, progress=..., span=None) -> dict:
    """What the credential states about the learner besides the hours, as of now: kept on
    the certificate when it is issued (`progress`: the enrollment's LearnerProgress or
    None, when the caller has it; `span`: activity_span's, likewise)."""
    if progress is ...:
        progress = enrollments_progress([enrollment]).get(enrollment.pk)
    if span is None:
        span = activity_span(enrollment)
    return {
        "attendance_percent": progress.attendance_percent if progress else None,
        "modules_required": progress.modules_required if progress else 0,
        "activity_start": span[0][0] if span else None,
        "activity_end": span[-1][1] if span else None,
    }


def _facts(certificate: Certificate) -> dict:
    """The certificate's credential facts: as kept at issue, or (issued before they were
    kept) as of now."""
    if certificate.modules_required is None:
        return credential_facts(certificate.enrollment)
    return {key: getattr(certificate, key) for key in
            ("attendance_percent", "modules_required", "activity_start", "activity_end")}


def _to_render():
    return (
        Certificate.objects.select_related("enrollment__cohort", "enrollment__user",
                                           "status_list")
        .defer("credential", "status_list__bits", "status_list__credential")
    )


def _credential_prepare(certificate_id: int) -> Certificate | None:
    """The certificate to render with what its credential needs loaded, or None when it
    is gone or revoked. Its identity salt and status bit are given at issue; one issued
    without them gets them now, once (locked)."""
    certificate = _to_render().filter(pk=certificate_id).first()
    if certificate is None or certificate.is_revoked:
        return None
    if certificate.identity_salt and certificate.status_list_id is not None:
        return certificate
    return _credential_complete(certificate_id)


def _credential_prepare_many(certificate_ids) -> dict[int, Certificate | None]:
    """`_credential_prepare` for several certificates, read in one query: by id, None for
    one gone or revoked."""
    ready: dict[int, Certificate | None] = dict.fromkeys(certificate_ids)
    for certificate in _to_render().filter(pk__in=list(ready)):
        if certificate.is_revoked:
            continue
        if certificate.identity_salt and certificate.status_list_id is not None:
            ready[certificate.pk] = certificate
        else:
            ready[certificate.pk] = _credential_complete(certificate.pk)
    return ready


def _credential_complete(certificate_id: int) -> Certificate | None:
    """Give a certificate issued without them its identity salt and status bit."""
    with transaction.atomic():
        # Not joined with its status list: on PostgreSQL a row re-read after waiting for
        # the lock would come with the list as of before the wait (None when another
        # render just created it); the list is read afterwards, fresh.
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("enrollment__cohort", "enrollment__user")
            .filter(pk=certificate_id).first()
        )
        if certificate is None or certificate.is_revoked:
            return None
        fields = []
        if not certificate.identity_salt:
            certificate.identity_salt = secrets.token_hex(16)
            fields.append("identity_salt")
        if certificate.status_list_id is None:
            certificate.status_list, certificate.status_list_index = _status_bit_allocate()
            fields += ["status_list", "status_list_index"]
        if fields:
            certificate.save(update_fields=[*fields, "updated_at"])
        return certificate


def _absolute(url: str) -> str:
    return url if url.startswith("http") else settings.SITE_URL + url


def _criteria(cohort, modules_required: int) -> str:
    """What earns the certificate, in the active language (the credential's)."""
    if cohort.self_paced:
        if modules_required:
            return _("Work through the course at one's own pace and complete every "
                     "required module of the course (%(modules)s).") % {
                         "modules": modules_required}
        return _("Work through the course at one's own pace and complete the course.")
    if modules_required:
        return _("Attend at least %(percent)s%% of the cohort's live sessions (excused "
                 "absences do not count against it) and complete every required module "
                 "of the course (%(modules)s).") % {
                     "percent": cohort.min_attendance_percent, "modules": modules_required}
    return _("Attend at least %(percent)s%% of the cohort's live sessions (excused absences "
             "do not count against it) and complete the course.") % {
                 "percent": cohort.min_attendance_percent}


def certificate_credential_build(certificate: Certificate) -> dict:
    """The certificate's signed OpenBadgeCredential (salt and status bit already given),
    written in the certificate's language (`inLanguage`); its URLs are the same in every
    language (the course's is read before the language is switched)."""
    course_id = certificate.enrollment.cohort.course_id
    course = remembered("credential-course", course_id, lambda: _course(course_id))
    with translation.override(certificate.language or settings.LANGUAGE_CODE):
        return _credential_build(certificate, course)


def _course(course_id: int) -> dict:
    """The course's URL and summary, as its credentials state them."""
    course = CoursePage.objects.only("url_path", "summary", "locale").get(pk=course_id)
    return {"id": course_id, "url": _absolute(course.get_url() or course.url_path),
            "summary": course.summary}


def _topics(course_id: int) -> tuple[openbadge.Topic, ...]:
    """The course's pillars and policy areas as the credential's topics (active language).
    Kept with the public pages (`remembered`), like the course's URL and summary:
    publishing the course or saving a term forgets them, and every certificate of a
    cohort shares them."""
    catalog = settings.SITE_URL + "/catalog/"
    return tuple(
        openbadge.Topic(name=item.name, url=f"{catalog}?{kind}={item.slug}",
                        description=item.description or None, framework=framework)
        for kind, framework, items in (
            ("pillar", _("Academy pillars"), Pillar.objects.filter(courses=course_id)),
            ("area", _("Policy areas"), PolicyArea.objects.filter(courses=course_id)),
        )
        for item in items
    )


def _credential_build(certificate: Certificate, course: dict) -> dict:
    enrollment = certificate.enrollment
    cohort = enrollment.cohort
    facts = _facts(certificate)
    topics = remembered("credential-topics", (course["id"], translation.get_language()),
                        lambda: _topics(course["id"]))
    attendance = facts["attendance_percent"]
    award = openbadge.Award(
        id=_absolute(certificate.credential_url),
        issuer=openbadge.Issuer(
            id=issuer.did(), name=settings.SITE_NAME, url=settings.SITE_URL + "/",
            image=issuer.issuer_image_url(),
        ),
        achievement=openbadge.Achievement(
            id=course["url"],
            name=certificate.course_title,
            description=course["summary"] or certificate.course_title,
            criteria=_criteria(cohort, facts["modules_required"]),
            hours=float(certificate.hours or 0),
            topics=topics,
            language=translation.get_language(),
            minimum_attendance=None if cohort.self_paced else cohort.min_attendance_percent,
        ),
        recipient_email=enrollment.user.email,
        salt=certificate.identity_salt,
        attendance_percent=None if cohort.self_paced else (attendance or 0.0),
        hours_earned=float(certificate.hours or 0),
        activity_start=facts["activity_start"] or certificate.created_at,
        activity_end=facts["activity_end"] or certificate.created_at,
        valid_from=certificate.created_at,
        credential_status=bitstrings.status_list_entry(
            list_url=certificate.status_list.url, index=certificate.status_list_index
        ),
    )
    credential = openbadge.open_badge_credential(award)
    return openbadge.sign_credential(credential, issuer.signing_key(), timezone.now())


def credential_verify(credential, status_lists=None) -> CredentialVerification:
    """Check a credential (JSON text or dict) against the academy's DID document and its
    own status lists; never raises. `status_lists`: the lists it needs, if already loaded
    (otherwise every list is read, in one query)."""
    try:
        did_document = issuer.did_document()
    except (issuer.SigningKeyError, ValueError) as exc:
        log.error("No DID document to check credentials against: %s", exc)
        reason = "The academy's keys are not available right now; please try again later."
        return CredentialVerification(tuple(
            Check(name, None, reason) for name in
            ("parsed", "issuer_known", "signature_valid", "not_revoked")
        ))
    if status_lists is None:
        status_lists = StatusList.objects.filter(credential__isnull=False).values_list(
            "credential", flat=True
        )
    return verify_credential(credential, did_document, [lst for lst in status_lists if lst])


def credential_key_rotate() -> tuple[str, str, int]:
    """Staff operation: a new signing key becomes current, the old one is listed as
    retired (so what it signed keeps verifying) and the status lists are re-signed.

    Only a key kept in a file can be rotated here; returns (old public key, new public
    key, lists re-signed)."""
    source = issuer.key_source()
    if source.kind == "environment":
        raise CertificateError(
            "The signing key comes from CREDENTIALS_SIGNING_KEY, which this command cannot "
            "change. Generate a new key (openssl genpkey -algorithm ed25519), add the current "
            f"public key {issuer.signing_key().public_multibase} to CREDENTIALS_RETIRED_KEYS, "
            "set CREDENTIALS_SIGNING_KEY to the new key and restart; or keep the key in a "
            "file (CREDENTIALS_SIGNING_KEY_FILE) and run this command again."
        )
    old = issuer.signing_key()
    new = keys.generate_signing_key()
    issuer.add_retired_key(old.public_multibase)  # listed before the new key takes over
    issuer.write_key_file(source.path, new)
    return old.public_multibase, new.public_multibase, status_lists_resign()


def certificates_missing_credentials() -> list[int]:
    """Valid certificates rendered before credentials existed (or whose signing never ran):
    queue a render for each, which signs the credential. The render emails nobody who
    was already emailed, so this is safe to run again."""
    ids = list(
        Certificate.objects.valid()
        .filter(credential__isnull=True, render_status=RenderStatus.DONE)
        .values_list("pk", flat=True)
    )
    renders_queue(ids)
    return ids
