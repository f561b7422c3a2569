"""Open Badges 3.0 credentials: what they say, and the "paste a credential" checks."""

import copy
import hashlib
import json

import pytest

from certificates.credentials import keys, openbadge, proofs
from certificates.credentials.loader import OB_V3, VC_V2
from certificates.credentials.verification import verify_credential
from tests.certificates.credentials_helpers import HOST, LIST_URL, REVOKED_INDEX, Issuance


@pytest.fixture(scope="module")
def issuance():
    return Issuance()


@pytest.fixture(scope="module")
def lists(issuance):
    return [issuance.status_list()]


@pytest.fixture(scope="module")
def credential(issuance):
    return issuance.credential()


def test_the_credential_is_an_open_badge_for_the_course(credential, issuance):
    subject = credential["credentialSubject"]
    achievement = subject["achievement"]

    assert credential["@context"] == [VC_V2, OB_V3]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"] == {
        "id": f"did:web:{HOST}",
        "type": ["Profile"],
        "name": "Progressive Governance Academy",
        "url": f"https://{HOST}/",
        "image": {"id": f"https://{HOST}/static/img/logo.png", "type": "Image"},
    }
    assert credential["validFrom"] == "2025-03-02T09:30:00Z"
    assert achievement["criteria"]["narrative"].startswith("Attend at least 80%")
    assert achievement["creditsAvailable"] == 7.5
    assert achievement["inLanguage"] == "en"
    assert achievement["alignment"] == [
        {
            "type": ["Alignment"],
            "targetName": "Fiscal stewardship",
            "targetUrl": f"https://{HOST}/catalog/?pillar=fiscal-stewardship",
            "targetFramework": "Academy pillars",
        }
    ]
    assert achievement["resultDescription"][0]["requiredValue"] == "80"
    assert subject["creditsEarned"] == 7.5
    assert subject["activityStartDate"] == "2025-01-14T23:00:00Z"
    assert subject["activityEndDate"] == "2025-02-25T01:00:00Z"
    assert subject["result"] == [
        {
            "type": ["Result"],
            "resultDescription": f"{achievement['id']}#attendance",
            "value": "83.3",
        }
    ]
    assert "83.3%" in credential["evidence"][0]["narrative"]
    assert credential["credentialStatus"]["statusListCredential"] == LIST_URL
    assert credential["proof"]["verificationMethod"] == issuance.key.key_id(HOST)


def test_the_recipient_appears_only_as_a_salted_hash(credential):
    (identity,) = credential["credentialSubject"]["identifier"]
    expected = hashlib.sha256(b"ana.rivera@example.org5f3c9a0e1b7d4c2a").hexdigest()

    assert identity == {
        "type": "IdentityObject",
        "identityHash": f"sha256${expected}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": "5f3c9a0e1b7d4c2a",
    }
    assert "rivera" not in json.dumps(credential).lower()
    assert (
        openbadge.identity_hash(" Ana.Rivera@example.ORG ", "5f3c9a0e1b7d4c2a")
        == (identity["identityHash"])
    )


def test_whole_hours_are_written_as_json_integers(issuance):
    award = issuance.award(hours_earned=12.0)
    assert (
        json.dumps(openbadge.open_badge_credential(award)["credentialSubject"]["creditsEarned"])
        == "12"
    )


def test_a_genuine_credential_passes_every_check(credential, issuance, lists):
    result = verify_credential(json.dumps(credential), issuance.did_document, lists)

    assert result.verified, result.checks
    assert result.revoked is False
    assert [check.name for check in result.checks] == [
        "parsed",
        "issuer_known",
        "signature_valid",
        "not_revoked",
    ]
    assert all(check.passed for check in result.checks)
    assert result.checks[1].label == "Issued by this academy"
    assert result.credential == credential


def test_changed_hours_break_the_signature(credential, issuance, lists):
    tampered = copy.deepcopy(credential)
    tampered["credentialSubject"]["creditsEarned"] = 40

    result = verify_credential(tampered, issuance.did_document, lists)

    assert not result.verified
    assert result.failed_check.name == "signature_valid"
    assert "changed after signing" in result.failed_check.message
    assert result.checks[3].passed is None and result.revoked is None


def test_a_revoked_credential_says_so(issuance, lists):
    revoked = issuance.credential(index=REVOKED_INDEX)

    result = verify_credential(revoked, issuance.did_document, lists)

    assert not result.verified
    assert result.revoked is True
    assert result.failed_check.name == "not_revoked"
    assert result.failed_check.message.startswith("Revoked")


def test_credentials_survive_a_key_rotation(credential, issuance):
    new_key = keys.generate_signing_key()
    rotated = keys.did_document(HOST, new_key, retired=[issuance.key.public_multibase])
    new_list = proofs.sign(
        issuance.status_list(), new_key, new_key.key_id(HOST), "2025-06-01T00:00:00Z"
    )

    assert verify_credential(credential, rotated, [new_list]).verified


def fails_at(result, name):
    failed = result.failed_check
    assert not result.verified and failed is not None, result.checks
    assert failed.name == name, failed
    return failed.message


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "not JSON"),
        ("certificate K7Q2-M9XD", "not JSON"),
        ("{'single': 'quotes'}", "not JSON"),
        ("[1, 2, 3]", "not a credential"),
        ("42", "not a credential"),
        ('{"hello": "world"}', "not an Open Badges credential"),
        ('{"type": ["VerifiableCredential", "UniversityDegreeCredential"]}', "not an Open Badges"),
        ('{"type": [{"x": 1}, ["y"]]}', "not an Open Badges"),
        (b"\xff\xfe{", "not JSON"),
        ("[" * 100_000, "not JSON"),
    ],
)
def test_text_that_is_not_a_credential(issuance, lists, text, words):
    assert words in fails_at(verify_credential(text, issuance.did_document, lists), "parsed")


def test_a_credential_from_another_issuer(issuance, lists):
    other = Issuance()
    foreign = other.credential(
        issuer=openbadge.Issuer("did:web:other.example", "Other", "https://other.example/")
    )
    message = fails_at(verify_credential(foreign, issuance.did_document, lists), "issuer_known")
    assert "did:web:other.example" in message


def test_a_credential_signed_with_a_key_the_academy_does_not_list(issuance, lists):
    impostor = Issuance()  # same did:web host, different key
    message = fails_at(
        verify_credential(impostor.credential(), issuance.did_document, lists), "issuer_known"
    )
    assert "does not list" in message


@pytest.mark.parametrize(
    "change, check, words",
    [
        (lambda c: c.pop("proof"), "issuer_known", "no signature"),
        (
            lambda c: c["proof"].update(cryptosuite="eddsa-jcs-2022"),
            "signature_valid",
            "eddsa-jcs-2022",
        ),
        (lambda c: c["proof"].update(proofValue="zzz"), "signature_valid", "proofValue"),
        (lambda c: c.update(issuer=None), "issuer_known", "another issuer"),
        (lambda c: c.update({"@context": [VC_V2]}), "signature_valid", "do not define"),
        (lambda c: c["credentialStatus"].update(statusListIndex="x"), "signature_valid", ""),
    ],
)
def test_broken_credentials_name_the_failed_check(
    credential, issuance, lists, change, check, words
):
    broken = copy.deepcopy(credential)
    change(broken)
    assert words in fails_at(verify_credential(broken, issuance.did_document, lists), check)


def test_status_problems_are_explained(credential, issuance, lists):
    message = fails_at(verify_credential(credential, issuance.did_document, []), "not_revoked")
    assert "not available" in message

    forged_list = copy.deepcopy(lists[0])
    forged_list["credentialSubject"]["encodedList"] = Issuance(revoked=()).status_list()[
        "credentialSubject"
    ]["encodedList"]
    forged_list["validFrom"] = "2030-01-01T00:00:00Z"
    message = fails_at(
        verify_credential(credential, issuance.did_document, [forged_list]), "not_revoked"
    )
    assert "signature is not valid" in message

    by_url = {LIST_URL: lists[0]}
    assert verify_credential(credential, issuance.did_document, by_url).verified


def test_nothing_raises_whatever_the_did_document(credential, lists):
    for did_document in ({}, {"id": f"did:web:{HOST}", "assertionMethod": 5}):
        result = verify_credential(credential, did_document, lists)
        assert not result.verified and result.failed_check.message
