"""Open Badges credentials in the product: signed at render, re-signed on re-issue,
revoked through the status list, published (did.json, credential.json, status list),
checked on the verification page and in the "verify a credential" form."""

import copy
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from certificates import issuer, services
from certificates.checks import check_credential_signing_key
from certificates.credentials import keys, openbadge, status_list
from certificates.models import Certificate, StatusList
from cohorts.models import Attendance, EnrollmentStatus
from tests.conftest import UserFactory

from .conftest import enroll

pytestmark = pytest.mark.django_db

SUMMARY_OK = "Signed by Progressive Governance Academy; signature valid; not revoked."


def fake_pdf(data):
    return b"%PDF-1.4 test\n"


def issue(cohort, facilitator, email=None, *, render=True):
    """A completed learner's certificate, rendered (without WeasyPrint) and signed."""
    user = UserFactory(email=email) if email else UserFactory()
    enrollment = enroll(cohort, user, status=EnrollmentStatus.COMPLETED)
    certificate = services.certificate_issue(enrollment=enrollment, actor=facilitator)
    if render:
        assert services.certificate_render(certificate_id=certificate.pk, render=fake_pdf)
    return Certificate.objects.select_related("status_list").get(pk=certificate.pk)


@pytest.fixture
def certificate(finished_cohort, facilitator):
    enrollment = enroll(
        finished_cohort, UserFactory(email="Ana.Rivera@Example.org"),
        status=EnrollmentStatus.COMPLETED,
    )
    sessions = list(finished_cohort.sessions.order_by("starts_at"))
    for session, mark in zip(sessions, ("present", "late", "absent"), strict=True):
        Attendance.objects.create(session=session, enrollment=enrollment, status=mark)
    certificate = services.certificate_issue(enrollment=enrollment, actor=facilitator)
    services.certificate_render(certificate_id=certificate.pk, render=fake_pdf)
    return Certificate.objects.select_related("status_list").get(pk=certificate.pk)


# --- Issue -----------------------------------------------------------------------------


def test_render_signs_an_open_badge_credential(certificate, finished_cohort):
    credential = certificate.credential
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"]["id"] == "did:web:127.0.0.1%3A8000" == issuer.did()
    assert credential["issuer"]["name"] == "Progressive Governance Academy"
    assert credential["id"] == f"http://127.0.0.1:8000/certificates/{certificate.code}/credential.json"
    subject = credential["credentialSubject"]
    # The learner is named only by a salted hash of their email; the salt is kept.
    assert "Ana.Rivera" not in json.dumps(credential)
    assert len(certificate.identity_salt) == 32
    assert subject["identifier"][0]["identityHash"] == openbadge.identity_hash(
        "ana.rivera@example.org", certificate.identity_salt
    )
    assert subject["creditsEarned"] == float(certificate.hours)
    assert subject["result"][0]["value"] == "66.7"  # present + late of three sessions
    achievement = subject["achievement"]
    assert achievement["name"] == certificate.course_title
    assert achievement["inLanguage"] == "en"
    assert f"at least {finished_cohort.min_attendance_percent}%" in achievement["criteria"][
        "narrative"
    ]
    status = credential["credentialStatus"]
    assert status["statusListCredential"] == "http://127.0.0.1:8000/credentials/status/1.json"
    assert status["statusListIndex"] == str(certificate.status_list_index)
    assert credential["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert credential["proof"]["verificationMethod"] == (
        f"{issuer.did()}#{issuer.signing_key().public_multibase}"
    )
    assert services.credential_verify(credential).verified


def test_each_certificate_gets_its_own_status_bit_and_bits_are_never_reused(
    finished_cohort, facilitator, staff
):
    first, second = (issue(finished_cohort, facilitator) for _ in range(2))
    services.certificate_revoke(certificate=first, actor=staff, reason="Issued in error.")
    third = issue(finished_cohort, facilitator)
    indexes = [c.status_list_index for c in (first, second, third)]
    assert indexes == [0, 1, 2]
    assert StatusList.objects.get().next_index == 3


def test_a_full_status_list_is_followed_by_a_new_one(finished_cohort, facilitator):
    issue(finished_cohort, facilitator)
    full = StatusList.objects.get()
    StatusList.objects.filter(pk=full.pk).update(next_index=full.size)
    certificate = issue(finished_cohort, facilitator)
    assert (certificate.status_list.number, certificate.status_list_index) == (2, 0)
    url = certificate.credential["credentialStatus"]["statusListCredential"]
    assert url.endswith("/credentials/status/2.json")
    assert services.credential_verify(certificate.credential).verified


def test_reissue_re_signs_with_the_same_salt_and_bit(certificate, facilitator):
    before = copy.deepcopy(certificate.credential)
    certificate.enrollment.user.email = "ana@city.example.gov"
    certificate.enrollment.user.save()
    services.certificate_reissue(certificate=certificate, actor=facilitator)
    services.certificate_render(certificate_id=certificate.pk, render=fake_pdf)
    after = Certificate.objects.get(pk=certificate.pk)
    assert after.credential["proof"]["proofValue"] != before["proof"]["proofValue"]
    assert after.identity_salt == certificate.identity_salt
    assert after.credential["credentialStatus"] == before["credentialStatus"]
    assert after.credential["credentialSubject"]["identifier"][0]["identityHash"] == (
        openbadge.identity_hash("ana@city.example.gov", certificate.identity_salt)
    )
    assert services.credential_verify(after.credential).verified


def test_revoke_flips_the_status_bit(certificate, staff):
    list_before = certificate.status_list.credential
    services.certificate_revoke(certificate=certificate, actor=staff, reason="Issued in error.")
    published = StatusList.objects.get().credential
    assert published["proof"]["proofValue"] != list_before["proof"]["proofValue"]
    bits = status_list.decode(published["credentialSubject"]["encodedList"])
    assert status_list.get_bit(bits, certificate.status_list_index)
    result = services.credential_verify(certificate.credential)
    assert result.revoked is True and not result.verified
    assert result.failed_check.message.startswith("Revoked")


def test_self_paced_credential_has_no_attendance_result(course, facilitator):
    from tests.cohorts.conftest import make_cohort

    cohort = make_cohort(course, "self-paced", self_paced=True, sessions=0, status="open",
                         facilitators=[facilitator])
    certificate = issue(cohort, facilitator)
    subject = certificate.credential["credentialSubject"]
    assert "result" not in subject
    assert "own pace" in subject["achievement"]["criteria"]["narrative"]
    assert services.credential_verify(certificate.credential).verified


# --- Public URLs -------------------------------------------------------------------------


def test_did_document_lists_the_current_key(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):  # keys come from settings and files, never the database
        response = client.get("/.well-known/did.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    document = response.json()
    current = issuer.signing_key().public_multibase
    assert document["id"] == "did:web:127.0.0.1%3A8000"
    assert document["assertionMethod"] == [f"{document['id']}#{current}"]
    assert document["verificationMethod"][0]["type"] == "Multikey"


def test_credential_download(client, certificate, django_assert_num_queries):
    with django_assert_num_queries(1):  # the certificate (the credential is stored whole)
        response = client.get(f"/certificates/{certificate.code}/credential.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="credential-{certificate.code}.json"'
    )
    assert response.json() == certificate.credential
    assert client.get("/certificates/ABCD-EFGH-JKLM-NPQR-STUV/credential.json").status_code == 404


def test_a_credential_not_signed_yet_is_not_offered(client, finished_cohort, facilitator):
    certificate = issue(finished_cohort, facilitator, render=False)
    response = client.get(f"/certificates/{certificate.code}/credential.json")
    assert response.status_code == 404
    assert response.json()["status"] == "being prepared"
    html = client.get(certificate.get_absolute_url()).content.decode()
    assert "being prepared" in html and "credential.json" not in html


def test_status_list_is_public_signed_and_briefly_cacheable(
    client, certificate, settings, django_assert_num_queries
):
    with django_assert_num_queries(1):  # the stored, already signed list: no signing per hit
        response = client.get("/credentials/status/1.json")
    assert response.status_code == 200
    assert f"max-age={settings.CREDENTIALS_STATUS_LIST_MAX_AGE}" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    published = response.json()
    assert published["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert published["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert client.get("/credentials/status/9.json").status_code == 404


def test_verification_page_checks_the_credential(
    client, certificate, staff, django_assert_num_queries
):
    # One query finds the certificate with its enrollment and status list; the rate
    # limit lives in the cache. The credential is checked without another query.
    with django_assert_num_queries(1):
        response = client.get(certificate.get_absolute_url())
    html = response.content.decode()
    assert SUMMARY_OK in html
    assert f'href="/certificates/{certificate.code}/credential.json"' in html
    assert reverse("credential_verify") in html

    services.certificate_revoke(certificate=certificate, actor=staff, reason="Issued in error.")
    html = client.get(certificate.get_absolute_url()).content.decode()
    assert "Signed by Progressive Governance Academy; signature valid; revoked." in html
    assert "Revoked: the academy has withdrawn this credential." in html


def test_verification_page_says_when_a_stored_credential_was_altered(client, certificate):
    tampered = copy.deepcopy(certificate.credential)
    tampered["credentialSubject"]["creditsEarned"] = 40
    Certificate.objects.filter(pk=certificate.pk).update(credential=tampered)
    html = client.get(certificate.get_absolute_url()).content.decode()
    assert "Not verified: the signature does not match" in html
    assert SUMMARY_OK not in html


def test_my_learning_links_the_credential(client, certificate):
    client.force_login(certificate.enrollment.user)
    html = client.get(reverse("my_learning")).content.decode()
    assert f'href="/certificates/{certificate.code}/credential.json" download' in html


# --- Verify a pasted credential ------------------------------------------------------------


def paste(client, text):
    return client.post(reverse("credential_verify"), {"credential": text}).content.decode()


def test_verify_form_page(client, db):
    html = client.get(reverse("credential_verify")).content.decode()
    assert 'for="id_credential"' in html and "Credential (JSON)" in html


def test_verify_form_accepts_a_genuine_credential(client, certificate):
    html = paste(client, json.dumps(certificate.credential))
    assert SUMMARY_OK in html
    assert "The signature is valid: nothing was changed" in html


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("{not json", "This is not JSON: paste the credential&#x27;s whole JSON text."),
        ("[1, 2]", "This JSON is not a credential"),
        ('{"type": ["VerifiableCredential"]}', "not an Open Badges credential"),
        ("", "Paste the credential&#x27;s JSON text."),
        ("{" + " " * 70_000 + "}", "This is longer than any credential the academy issues"),
    ],
)
def test_verify_form_answers_bad_input_in_words(client, db, text, answer):
    html = paste(client, text)
    assert answer in html


def test_verify_form_names_the_failed_check(client, certificate):
    tampered = copy.deepcopy(certificate.credential)
    tampered["credentialSubject"]["creditsEarned"] = 40
    assert "Not verified: the signature does not match" in paste(client, json.dumps(tampered))

    foreign = copy.deepcopy(certificate.credential)
    foreign["issuer"]["id"] = "did:web:diploma-mill.example"
    assert "It names another issuer (did:web:diploma-mill.example)" in paste(
        client, json.dumps(foreign)
    )


def test_verify_form_refuses_an_enormous_post_with_a_message(client, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(reverse("credential_verify"), {"credential": "x" * 20_000})
    assert response.status_code == 200
    assert "far longer than any credential" in response.content.decode()


# --- Keys and rotation -------------------------------------------------------------------


@pytest.fixture
def key_file(settings, tmp_path):
    path = tmp_path / "keys" / "signing.pem"
    path.parent.mkdir()
    path.write_bytes(keys.generate_signing_key().to_pem())
    settings.CREDENTIALS_SIGNING_KEY = ""
    settings.CREDENTIALS_SIGNING_KEY_FILE = str(path)
    settings.CREDENTIALS_RETIRED_KEYS = []
    return path


def test_rotation_keeps_old_credentials_verifying(client, key_file, finished_cohort, facilitator):
    old = issue(finished_cohort, facilitator)
    old_key = issuer.signing_key().public_multibase

    call_command("rotate_credential_key", stdout=open("/dev/null", "w"))  # noqa: SIM115

    new_key = issuer.signing_key().public_multibase
    assert new_key != old_key
    assert Path(f"{key_file}.retired").read_text() == old_key + "\n"
    document = client.get("/.well-known/did.json").json()
    assert [m["publicKeyMultibase"] for m in document["verificationMethod"]] == [new_key, old_key]
    # What the old key signed still verifies; the list is re-signed with the new key.
    assert services.credential_verify(old.credential).verified
    assert StatusList.objects.get().credential["proof"]["verificationMethod"].endswith(new_key)
    new = issue(finished_cohort, facilitator)
    assert new.credential["proof"]["verificationMethod"].endswith(new_key)
    assert SUMMARY_OK in paste(client, json.dumps(old.credential))


def test_a_key_dropped_from_the_document_no_longer_verifies(key_file, finished_cohort,
                                                           facilitator):
    old = issue(finished_cohort, facilitator)
    key_file.write_bytes(keys.generate_signing_key().to_pem())  # replaced, not rotated
    result = services.credential_verify(old.credential)
    assert not result.verified
    assert "does not list" in result.failed_check.message


def test_rotation_refuses_a_key_from_the_environment(db):
    with pytest.raises(CommandError, match="CREDENTIALS_SIGNING_KEY"):
        call_command("rotate_credential_key")


def test_development_key_is_generated_once_and_refused_for_deployment(settings, tmp_path):
    settings.CREDENTIALS_SIGNING_KEY = ""
    settings.CREDENTIALS_SIGNING_KEY_FILE = ""
    settings.CREDENTIALS_DEV_KEY_FILE = str(tmp_path / "DEVELOPMENT-ONLY-credential-key.pem")
    key = issuer.signing_key()
    assert issuer.signing_key() == key
    assert (tmp_path / "DEVELOPMENT-ONLY-credential-key.pem").stat().st_mode & 0o777 == 0o600
    [error] = check_credential_signing_key()
    assert error.id == "certificates.E002" and "DEVELOPMENT" in error.msg


def test_a_configured_key_passes_the_deploy_check(key_file):
    assert check_credential_signing_key() == []
    key_file.write_text("not a key")
    [error] = check_credential_signing_key()
    assert error.id == "certificates.E003"


def test_certificates_from_before_credentials_get_theirs(
    finished_cohort, facilitator, staff, django_capture_on_commit_callbacks, mailoutbox
):
    old = issue(finished_cohort, facilitator)
    revoked = issue(finished_cohort, facilitator)
    services.certificate_revoke(certificate=revoked, actor=staff, reason="Issued in error.")
    Certificate.objects.update(credential=None, emailed_at="2026-01-01T00:00:00Z")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("sign_missing_credentials", stdout=open("/dev/null", "w"))  # noqa: SIM115
    old.refresh_from_db()
    revoked.refresh_from_db()
    assert services.credential_verify(old.credential).verified
    assert revoked.credential is None  # a revoked certificate is not signed again
    assert mailoutbox == []  # nobody is emailed a second time


def test_an_unreadable_key_is_a_message_not_an_error_page(client, key_file, finished_cohort,
                                                          facilitator, staff):
    certificate = issue(finished_cohort, facilitator)
    key_file.write_text("not a key")
    response = client.get(certificate.get_absolute_url())
    assert response.status_code == 200
    assert "Not checked: The academy&#x27;s keys are not available right now" in (
        response.content.decode()
    )
    assert client.get("/.well-known/did.json").status_code == 503
    with pytest.raises(services.CertificateError, match="nothing was changed"):
        services.certificate_revoke(certificate=certificate, actor=staff, reason="Error.")
    assert not Certificate.objects.get(pk=certificate.pk).is_revoked
