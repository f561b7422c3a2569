"""The facilitator's certificates page against garbage (issue 10: `enrollment=abc` and
`certificate=1e5` were 500s; an over-long reason was cut short or dropped): a message,
and nothing issued, re-issued or revoked."""

import pytest

from certificates import services
from certificates.models import Certificate

pytestmark = pytest.mark.django_db

GARBAGE = ["abc", "1e5", "²", "١٢", "-1", "", "9" * 5000, "99999999999999999999", "1\x00",
           "1 2", "0x10"]


def url(cohort):
    return f"/facilitate/{cohort.slug}/certificates/"


@pytest.mark.parametrize("value", GARBAGE)
@pytest.mark.parametrize("action", ["issue_one", "override"])
def test_a_garbage_enrollment_is_a_message(client, facilitator, enrollment, action, value):
    client.force_login(facilitator)
    response = client.post(url(enrollment.cohort), {
        "action": action, "enrollment": value, "reason": "Make-up sessions."}, follow=True)
    assert response.status_code == 200
    assert "We could not find that learner in this cohort" in response.content.decode()
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("value", GARBAGE)
@pytest.mark.parametrize("action", ["reissue", "revoke"])
def test_a_garbage_certificate_is_a_message(client, staff, enrollment, facilitator, action,
                                            value):
    certificate = services.certificate_issue(enrollment=enrollment, actor=facilitator,
                                             override_reason="Make-up sessions.")
    client.force_login(staff)
    response = client.post(url(enrollment.cohort), {
        "action": action, "certificate": value, "reason": "Issued in error."}, follow=True)
    assert response.status_code == 200
    assert "We could not find that certificate in this cohort" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_another_cohorts_learner_is_not_found(client, facilitator, enrollment, course):
    from tests.cohorts.conftest import make_cohort

    from .conftest import enroll

    other = enroll(make_cohort(course, "other"), enrollment.user)
    client.force_login(facilitator)
    response = client.post(url(enrollment.cohort), {
        "action": "override", "enrollment": other.pk, "reason": "x"}, follow=True)
    assert "We could not find that learner in this cohort" in response.content.decode()
    assert not Certificate.objects.exists()


def test_an_overlong_override_reason_is_refused_not_cut(client, facilitator, enrollment):
    client.force_login(facilitator)
    response = client.post(url(enrollment.cohort), {
        "action": "override", "enrollment": enrollment.pk, "reason": "r" * 2001}, follow=True)
    assert "at most 2000 characters" in response.content.decode()
    assert not Certificate.objects.exists()
    with pytest.raises(services.CertificateError, match="to 2000 characters"):
        services.certificate_issue(enrollment=enrollment, actor=facilitator,
                                   override_reason="r" * 2001)
    assert not Certificate.objects.exists()


def test_an_overlong_revoke_reason_is_refused(client, staff, enrollment, facilitator):
    certificate = services.certificate_issue(enrollment=enrollment, actor=facilitator,
                                             override_reason="Make-up sessions.")
    client.force_login(staff)
    response = client.post(url(enrollment.cohort), {
        "action": "revoke", "certificate": certificate.pk, "reason": "r" * 1001}, follow=True)
    html = response.content.decode()
    assert "at most 1000 characters" in html and "the certificate is not revoked" in html
    certificate.refresh_from_db()
    assert certificate.revoked_at is None and certificate.revoked_reason == ""
