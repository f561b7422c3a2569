"""Open Badges 3.0 ``OpenBadgeCredential`` (VC Data Model 2.0) for a completed course.

``open_badge_credential(award)`` turns plain data (``Award``) into the unsigned
credential, its own words in the active language (the achievement's ``inLanguage``);
``sign_credential`` adds the issuer's ``eddsa-rdfc-2022`` proof. The recipient is named
only by a salted hash of their email (``identityHash``), never in clear.
Checking a pasted credential is ``verification.verify_credential``.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from . import proofs
from .keys import SigningKey
from .loader import OB_V3, VC_V2


@dataclass(frozen=True)
class Issuer:
    id: str  # did:web:<host>
    name: str
    url: str
    image: str | None = None  # absolute URL of the logo


@dataclass(frozen=True)
class Topic:
    """One alignment of the achievement (a pillar or policy area)."""

    name: str
    url: str
    description: str | None = None
    framework: str | None = None


@dataclass(frozen=True)
class Achievement:
    id: str  # stable URL of the course
    name: str
    description: str
    criteria: str  # narrative: what earns it
    hours: float  # creditsAvailable
    topics: tuple[Topic, ...] = ()
    language: str = "en"
    minimum_attendance: float | None = None  # percent required, if the course sets one


@dataclass(frozen=True)
class Award:
    id: str  # the credential's URL (or urn:uuid:...)
    issuer: Issuer
    achievement: Achievement
    recipient_email: str
    salt: str  # random, stored with the certificate so the hash can be recomputed
    attendance_percent: float | None  # None: no live sessions (a self-paced course)
    hours_earned: float  # creditsEarned
    activity_start: dt.datetime
    activity_end: dt.datetime
    valid_from: dt.datetime
    credential_status: dict | None = None  # status_list.status_list_entry(...)


def identity_hash(email: str, salt: str) -> str:
    """OB ``identityHash``: ``sha256$`` + hex SHA-256 of the email (trimmed, lower-cased)
    followed by the salt, as Open Badges 2.0 defined it."""
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def _number(value: float) -> int | float:
    """Whole numbers as JSON integers (7, not 7.0), as JavaScript would write them."""
    return int(value) if float(value).is_integer() else float(value)


def _percent(value: float) -> str:
    return f"{round(float(value), 1):g}"


def _attendance_description(achievement: Achievement) -> dict:
    description = {
        "id": f"{achievement.id}#attendance",
        "type": ["ResultDescription"],
        "name": _("Attendance at live sessions (percent)"),
        "resultType": "Percent",
        "valueMin": "0",
        "valueMax": "100",
    }
    if achievement.minimum_attendance is not None:
        description["requiredValue"] = _percent(achievement.minimum_attendance)
    return description


def _alignment(topic: Topic) -> dict:
    alignment = {"type": ["Alignment"], "targetName": topic.name, "targetUrl": topic.url}
    if topic.description:
        alignment["targetDescription"] = topic.description
    if topic.framework:
        alignment["targetFramework"] = topic.framework
    return alignment


def achievement_document(achievement: Achievement) -> dict:
    document = {
        "id": achievement.id,
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": achievement.name,
        "description": achievement.description,
        "criteria": {"narrative": achievement.criteria},
        "creditsAvailable": _number(achievement.hours),
        "resultDescription": [_attendance_description(achievement)],
        "inLanguage": achievement.language,
    }
    if achievement.topics:
        document["alignment"] = [_alignment(topic) for topic in achievement.topics]
    return document


def issuer_profile(issuer: Issuer) -> dict:
    profile = {"id": issuer.id, "type": ["Profile"], "name": issuer.name, "url": issuer.url}
    if issuer.image:
        profile["image"] = {"id": issuer.image, "type": "Image"}
    return profile


def open_badge_credential(award: Award) -> dict:
    """The unsigned ``OpenBadgeCredential`` for ``award``."""
    if award.attendance_percent is None:  # self-paced: modules only, no attendance result
        credential = open_badge_credential(replace(award, attendance_percent=0))
        subject = credential["credentialSubject"]
        del subject["result"]
        del subject["achievement"]["resultDescription"]
        credential["evidence"][0] = {
            "type": ["Evidence"],
            "name": _("Course record"),
            "narrative": _("Completed the course's required modules at their own pace."),
        }
        return credential
    percent = _percent(award.attendance_percent)
    credential = {
        "@context": [VC_V2, OB_V3],
        "id": award.id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": award.achievement.name,
        "issuer": issuer_profile(award.issuer),
        "validFrom": proofs.xsd_datetime(award.valid_from),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": identity_hash(award.recipient_email, award.salt),
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": award.salt,
                }
            ],
            "achievement": achievement_document(award.achievement),
            "creditsEarned": _number(award.hours_earned),
            "activityStartDate": proofs.xsd_datetime(award.activity_start),
            "activityEndDate": proofs.xsd_datetime(award.activity_end),
            "result": [
                {
                    "type": ["Result"],
                    "resultDescription": f"{award.achievement.id}#attendance",
                    "value": percent,
                }
            ],
        },
        "evidence": [
            {
                "type": ["Evidence"],
                "name": _("Attendance record"),
                "narrative": _("Attended %(percent)s%% of the cohort's live sessions.")
                % {"percent": percent},
            }
        ],
    }
    if award.credential_status:
        credential["credentialStatus"] = award.credential_status
    return credential


def sign_credential(credential: dict, key: SigningKey, created: dt.datetime) -> dict:
    """``credential`` signed by its issuer's key ``did:web:<host>#<publicKeyMultibase>``."""
    issuer = credential["issuer"]
    issuer_id = issuer["id"] if isinstance(issuer, dict) else issuer
    return proofs.sign(credential, key, f"{issuer_id}#{key.public_multibase}", created)
