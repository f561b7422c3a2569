"""Issuing, rendering, verifying, downloading, revoking and re-issuing certificates."""

import io
import re
import zipfile

import pytest
import segno
from django.core import mail
from django.core.files.storage import default_storage
from pypdf import PdfReader

from certificates import services
from certificates.models import CODE_ALPHABET, Certificate, new_verification_code, normalize_code
from certificates.services import CertificateError
from certificates.tasks import certificate_sweep_task
from cohorts.models import EnrollmentStatus
from tests.conftest import OrganizationFactory, UserFactory

from .conftest import enroll

pytestmark = pytest.mark.django_db

OVERRIDE = "Attended the make-up sessions recorded offline."


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a service and then what it queued on commit (renders, emails), as a real
    request would once its transaction commits."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


@pytest.fixture
def certificate_issue(committed):
    return lambda **kw: committed(services.certificate_issue, **kw)


@pytest.fixture
def certificate_reissue(committed):
    return lambda **kw: committed(services.certificate_reissue, **kw)


@pytest.fixture
def certificate_revoke(committed):
    return lambda **kw: committed(services.certificate_revoke, **kw)


def pdf_text(certificate):
    with default_storage.open(certificate.pdf.name, "rb") as fh:
        reader = PdfReader(io.BytesIO(fh.read()))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_codes_are_long_typeable_and_unique():
    codes = {new_verification_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){4}", code)
        assert not set(code.replace("-", "")) & set("01OI")
    # 20 symbols from a 32-symbol alphabet: 100 bits.
    assert len(CODE_ALPHABET) == 32
    assert normalize_code(" abcd efgh-jklm npqr stuv ") == "ABCD-EFGH-JKLM-NPQR-STUV"
    assert normalize_code("ABCD-EFGH-JKLM-NPQR-STU0") is None  # 0 is never used


def test_issue_renders_a_one_page_pdf_and_emails_it(
    enrollment, facilitator, settings, certificate_issue
):
    certificate = certificate_issue(
        enrollment=enrollment, actor=facilitator, override_reason=OVERRIDE
    )
    certificate.refresh_from_db()
    assert certificate.render_status == "done"
    reader, text = pdf_text(certificate)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape
    flat = re.sub(r"\s+", " ", text)
    assert "Aisha N. Karim" in flat  # the name as they want it printed
    assert certificate.course_title in flat
    assert certificate.code in flat
    assert certificate.verification_url in flat.replace(" ", "")
    [message] = [m for m in mail.outbox if "certificate" in m.subject.lower()]
    assert message.to == ["learner@example.org"]
    assert certificate.verification_url in message.body
    assert message.attachments[0][0] == f"certificate-{certificate.code}.pdf"


def test_issuing_twice_gives_the_same_certificate(enrollment, facilitator, certificate_issue):
    first = certificate_issue(enrollment=enrollment, actor=facilitator, override_reason=OVERRIDE)
    second = certificate_issue(enrollment=enrollment, actor=facilitator, override_reason=OVERRIDE)
    assert first.pk == second.pk
    assert Certificate.objects.count() == 1


def test_only_facilitators_and_staff_issue(enrollment, learner, finished_cohort, certificate_issue):
    other_facilitator = UserFactory()
    with pytest.raises(CertificateError, match="facilitators and staff"):
        certificate_issue(enrollment=enrollment, actor=learner, override_reason=OVERRIDE)
    with pytest.raises(CertificateError):
        certificate_issue(enrollment=enrollment, actor=other_facilitator, override_reason="x")
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("status", ["withdrawn", "pending", "waitlisted", "declined"])
def test_no_certificate_for_an_enrollment_that_is_not_seated(
    finished_cohort, facilitator, status, certificate_issue
):
    e = enroll(finished_cohort, UserFactory(), status=status)
    with pytest.raises(CertificateError, match="no certificate can be issued"):
        certificate_issue(enrollment=e, actor=facilitator, override_reason=OVERRIDE)


def test_override_needs_a_reason_when_not_eligible(enrollment, facilitator, certificate_issue):
    with pytest.raises(CertificateError, match="write the reason"):
        certificate_issue(enrollment=enrollment, actor=facilitator, override_reason="  ")
    assert not Certificate.objects.exists()


def test_hostile_profile_text_renders_as_text(finished_cohort, facilitator, certificate_issue):
    hostile = UserFactory(certificate_name="<img src=file:///etc/passwd>")
    certificate = certificate_issue(
        enrollment=enroll(finished_cohort, hostile), actor=facilitator, override_reason=OVERRIDE
    )
    certificate.refresh_from_db()
    _, text = pdf_text(certificate)
    assert "<img src=file:///etc/passwd>" in re.sub(r"\s+", " ", text)
    assert "root:" not in text


def test_verification_page_and_json(client, enrollment, facilitator, learner, certificate_issue):
    certificate = certificate_issue(
        enrollment=enrollment, actor=facilitator, override_reason=OVERRIDE
    )
    html = client.get(f"/certificates/{certificate.code}/").content.decode()
    assert "Valid certificate" in html
    assert "Aisha N. Karim" in html and certificate.course_title in html
    assert learner.email not in html and learner.jurisdiction_name not in html
    # Typed in lower case with spaces: still found.
    typed = certificate.code.lower().replace("-", " ")
    assert client.get(f"/certificates/{typed}/").status_code == 200

    data = client.get(f"/certificates/{certificate.code}.json").json()
    assert data["status"] == "valid"
    assert data["name"] == "Aisha N. Karim"
    assert set(data) == {
        "code",
        "status",
        "name",
        "course",
        "cohort",
        "issued_on",
        "revoked_on",
        "issuer",
        "url",
        "credential",
    }
    assert data["credential"].endswith(f"/certificates/{certificate.code}/credential.json")


def test_unknown_code_gets_a_page_that_says_so(client, db):
    response = client.get("/certificates/ABCD-EFGH-JKLM-NPQR-STUV/")
    assert response.status_code == 404
    assert "No certificate has the code" in response.content.decode()
    assert client.get("/certificates/not-a-code/").status_code == 404
    assert client.get("/certificates/ABCD-EFGH-JKLM-NPQR-STUV.json").json()["status"] == "unknown"


def test_the_qr_code_holds_a_short_address_that_leads_to_the_verification_page(
    client, enrollment, facilitator, certificate_issue, settings
):
    settings.SITE_URL = "https://academy.example.org"
    certificate = certificate_issue(
        enrollment=enrollment, actor=facilitator, override_reason=OVERRIDE
    )
    compact = certificate.code.replace("-", "")
    assert certificate.qr_url == f"HTTPS://ACADEMY.EXAMPLE.ORG/C/{compact}"
    qr = segno.make(certificate.qr_url, error="m", micro=False)
    assert (qr.mode, qr.version) == ("alphanumeric", 3)  # the full URL would need version 5
    assert services.certificate_data(certificate).qr_url == certificate.qr_url

    response = client.get(f"/C/{compact}")
    assert response.status_code == 301
    assert response["Location"] == f"/certificates/{certificate.code}/"
    assert "Valid certificate" in client.get(response["Location"]).content.decode()
    assert client.get("/C/NOTACODE").status_code == 301  # on to the page that says so

    settings.SITE_URL = "https://example.org/academy"  # capitals would change its path
    assert certificate.qr_url is None


def test_verification_is_rate_limited(client, db, settings):
    settings.ACADEMY_RATE_LIMITS = {**settings.ACADEMY_RATE_LIMITS, "certificate_verify": "5/m/ip"}
    statuses = [client.get("/certificates/ABCD-EFGH-JKLM-NPQR-STUV/").status_code for _ in range(7)]
    assert statuses[:5] == [404] * 5
    assert statuses[5:] == [429, 429]
    assert client.get("/certificates/ABCD-EFGH-JKLM-NPQR-STUV.json").status_code == 429


def test_revocation_shows_at_once_and_tells_the_learner(
    client, enrollment, facilitator, staff, certificate_issue, certificate_revoke
):
    certificate = certificate_issue(
        enrollment=enrollment, actor=facilitator, override_reason=OVERRIDE
    )
    with pytest.raises(CertificateError, match="staff"):
        certificate_revoke(certificate=certificate, actor=facilitator, reason="x")
    with pytest.raises(CertificateError, match="reason"):
        certificate_revoke(certificate=certificate, actor=staff, reason="")
    mail.outbox.clear()
    certificate_revoke(certificate=certificate, actor=staff, reason="Issued in error.")
    html = client.get(f"/certificates/{certificate.code}/").content.decode()
    assert "Revoked on" in html
    assert client.get(f"/certificates/{certificate.code}.json").json()["status"] == "revoked"
    [message] = mail.outbox
    assert "revoked" in message.subject and "Issued in error." in message.body
    # The owner can no longer download it as valid.
    client.force_login(enrollment.user)
    assert client.get(certificate.pdf_url).status_code == 410


def test_withdrawn_enrollment_makes_the_certificate_invalid(
    client, enrollment, facilitator, certificate_issue
):
    certificate = certificate_issue(
        enrollment=enrollment, actor=facilitator, override_reason=OVERRIDE
    )
    enrollment.status = EnrollmentStatus.WITHDRAWN
    enrollment.save()
    assert client.get(f"/certificates/{certificate.code}.json").json()["status"] == "withdrawn"
    client.force_login(enrollment.user)
    assert client.get(certificate.pdf_url).status_code == 410


def test_reissue_after_a_name_correction_keeps_the_code(
    enrollment, facilitator, learner, certificate_issue, certificate_reissue
):
    certificate = certificate_issue(
        enrollment=enrollment, actor=facilitator, override_reason=OVERRIDE
    )
    code = certificate.code
    learner.certificate_name = "Aisha Noor Karim"
    learner.save()
    certificate_reissue(certificate=certificate, actor=facilitator)
    certificate.refresh_from_db()
    assert certificate.code == code
    assert certificate.recipient_name == "Aisha Noor Karim"
    _, text = pdf_text(certificate)
    assert "Aisha Noor Karim" in re.sub(r"\s+", " ", text)
    assert Certificate.objects.count() == 1


def test_pdf_download_permissions(
    client, enrollment, facilitator, staff, finished_cohort, certificate_issue
):
    certificate = certificate_issue(
        enrollment=enrollment, actor=facilitator, override_reason=OVERRIDE
    )
    url = certificate.pdf_url
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for person, expected in (
        (enrollment.user, 200),
        (facilitator, 200),
        (staff, 200),
        (UserFactory(), 404),  # another learner
        (UserFactory(organization=OrganizationFactory()), 404),  # a partner author
    ):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == expected, person
        if expected == 200:
            assert response["Content-Type"] == "application/pdf"
            assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_zip_of_a_cohorts_pdfs(client, finished_cohort, facilitator, certificate_issue):
    people = [UserFactory(first_name=f"P{i}", last_name="Doe") for i in range(3)]
    for person in people:
        certificate_issue(
            enrollment=enroll(finished_cohort, person), actor=facilitator, override_reason=OVERRIDE
        )
    url = f"/facilitate/{finished_cohort.slug}/certificates.zip"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(facilitator)
    response = client.get(url)
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert len(names) == 3 and all(n.endswith(".pdf") for n in names)


def test_sweeper_requeues_certificates_left_unrendered(enrollment, facilitator, certificate_issue,
                                                       committed):
    certificate = certificate_issue(
        enrollment=enrollment, actor=facilitator, override_reason=OVERRIDE
    )
    # Simulate a lost message: the render was asked for long ago and never happened.
    Certificate.objects.filter(pk=certificate.pk).update(
        render_status="pending", pdf="", render_requested_at="2020-01-01T00:00:00Z"
    )
    assert committed(certificate_sweep_task) == 1  # beat runs it outside a transaction
    certificate.refresh_from_db()
    assert certificate.render_status == "done" and certificate.pdf
    assert committed(certificate_sweep_task) == 0  # nothing left


def test_staff_revoke_in_the_admin(client, enrollment, facilitator, staff, certificate_issue,
                                   django_capture_on_commit_callbacks):
    certificate = certificate_issue(
        enrollment=enrollment, actor=facilitator, override_reason=OVERRIDE
    )
    url = f"/admin/certificates/certificate/{certificate.pk}/revoke/"
    client.force_login(facilitator)
    assert client.get(url).status_code == 403  # no admin access
    client.force_login(staff)
    listing = client.get("/admin/certificates/certificate/").content.decode()
    assert url in listing and f"/certificate/{certificate.pk}/reissue/" in listing  # row menu
    inspect = client.get(f"/admin/certificates/certificate/inspect/{certificate.pk}/")
    assert url in inspect.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        reissued = client.post(f"/admin/certificates/certificate/{certificate.pk}/reissue/")
    assert reissued.status_code == 302
    certificate.refresh_from_db()
    assert certificate.render_status == "done" and certificate.emailed_at
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Duplicate of another record."})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == staff
