"""A small, hand-counted academy year (2026) for the impact report.

Course "Budgets" (live, cohort spring, two past sessions of 1.5 h each in March 2026):
- u1 (IL, city, Springfield): completed on 2026-04-10, present twice, valid certificate;
  also completed the self-paced course "Ethics" on 2026-05-03 (6 credit hours, valid
  certificate): counted once as an official trained.
- u2 (IL, county, Cook County): completed 2026-04-12, present and late; certificate revoked.
- u3 (WI, city): not completed 2026-04-15, absent then excused.
- u4 (TX, no jurisdiction type): still enrolled, unmarked.
- u5 (IL): withdrawn (marked present once: counts for nothing).
- u6 (IL): in a cancelled cohort ("Budgets", cancelled).
- u7 (IL): completed an older cohort on 2025-12-10 (before the range).

Hand counts for 2026: officials trained 2, enrolled 4, completions 3, outcomes 4 (rate
75 %), hours 4 x 1.5 + 6 = 12.0, certificates 2, states reached 1 (IL), jurisdictions 2.
"""

import zoneinfo
from datetime import date, datetime
from types import SimpleNamespace

import pytest

from certificates.models import Certificate
from cohorts.models import Attendance, Cohort, Enrollment, Session
from tests.conftest import OrganizationFactory, UserFactory, make_course

TZ = zoneinfo.ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=TZ)


def at(y, m, d, h=12):
    return datetime(y, m, d, h, 0, tzinfo=TZ)


def enroll(cohort, user, status, *, created=None, changed=None):
    return Enrollment.objects.create(
        cohort=cohort, user=user, status=status,
        created_at=created or at(2026, 2, 1), status_changed_at=changed or at(2026, 2, 1),
    )


def certificate(enrollment, issued_on, *, revoked=False):
    return Certificate.objects.create(
        enrollment=enrollment, recipient_name="x", course_title="x", cohort_title="x",
        issued_on=issued_on, render_status="done",
        revoked_at=at(2026, 6, 1) if revoked else None,
    )


@pytest.fixture
def academy_year(catalog):
    partner = OrganizationFactory(name="Budget Lab", slug="budget-lab")
    budgets = make_course(catalog, "Budgets", co_authors=[partner])
    ethics = make_course(catalog, "Ethics", fmt="self_paced")
    spring = Cohort.objects.create(course=budgets, slug="spring", title="Spring",
                                   status="finished")
    s1 = Session.objects.create(cohort=spring, title="One", starts_at=at(2026, 3, 3, 18),
                                ends_at=at(2026, 3, 3, 18).replace(hour=19, minute=30))
    s2 = Session.objects.create(cohort=spring, title="Two", starts_at=at(2026, 3, 10, 18),
                                ends_at=at(2026, 3, 10, 18).replace(hour=19, minute=30))
    # A cancelled session in the range: counts for nothing.
    Session.objects.create(cohort=spring, title="Off", starts_at=at(2026, 3, 17, 18),
                           ends_at=at(2026, 3, 17, 19), cancelled_at=at(2026, 3, 1))
    self_paced = Cohort.objects.create(course=ethics, slug="ethics-self", title="Anytime",
                                       status="in_progress", self_paced=True)
    cancelled = Cohort.objects.create(course=budgets, slug="autumn", title="Autumn",
                                      status="cancelled")
    older = Cohort.objects.create(course=budgets, slug="older", title="Older",
                                  status="finished")

    # Names no page would print by chance: the privacy tests look for them.
    u1 = UserFactory(state="IL", jurisdiction_type="city", last_name="Quillfeatherby",
                     jurisdiction_name="City of Springfield")
    u2 = UserFactory(state="IL", jurisdiction_type="county", last_name="Zanzibarowski",
                     jurisdiction_name="Cook County")
    u3 = UserFactory(state="WI", jurisdiction_type="city", last_name="Xylophonides",
                     jurisdiction_name="Madison")
    u4 = UserFactory(state="TX", jurisdiction_type="", last_name="Vorpalstein",
                     jurisdiction_name="Austin")
    u5, u6, u7 = UserFactory(), UserFactory(), UserFactory()

    e1 = enroll(spring, u1, "completed", changed=at(2026, 4, 10))
    e2 = enroll(spring, u2, "completed", changed=at(2026, 4, 12))
    e3 = enroll(spring, u3, "not_completed", changed=at(2026, 4, 15))
    enroll(spring, u4, "enrolled")
    e5 = enroll(spring, u5, "withdrawn", changed=at(2026, 3, 20))
    enroll(cancelled, u6, "cancelled", changed=at(2026, 8, 1))
    e7 = enroll(older, u7, "completed", created=at(2025, 9, 1), changed=at(2025, 12, 10))
    e1b = enroll(self_paced, u1, "completed", created=at(2026, 4, 20), changed=at(2026, 5, 3))

    for session, enrollment, status in [
        (s1, e1, "present"), (s2, e1, "present"), (s1, e2, "present"), (s2, e2, "late"),
        (s1, e3, "absent"), (s2, e3, "excused"), (s1, e5, "present"),
    ]:
        Attendance.objects.create(session=session, enrollment=enrollment, status=status)

    certificate(e1, date(2026, 4, 11))
    certificate(e2, date(2026, 4, 13), revoked=True)
    certificate(e1b, date(2026, 5, 3))
    certificate(e7, date(2025, 12, 11))
    return SimpleNamespace(
        partner=partner, budgets=budgets, ethics=ethics, spring=spring, users=[u1, u2, u3, u4]
    )
