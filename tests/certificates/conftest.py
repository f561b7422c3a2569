"""Certificate fixtures: a finished cohort with enrolled learners and a facilitator."""

import pytest

from cohorts.models import Enrollment, EnrollmentStatus
from tests.cohorts.conftest import make_cohort
from tests.conftest import UserFactory


@pytest.fixture
def facilitator(db):
    return UserFactory(email="facilitator@example.org", first_name="Marcus", last_name="Bell")


@pytest.fixture
def finished_cohort(course, modules, facilitator):
    return make_cohort(
        course,
        "autumn-cohort",
        title="Autumn cohort",
        status="finished",
        facilitators=[facilitator],
        sessions=3,
        start_in_days=-40,
    )


def enroll(cohort, user, status=EnrollmentStatus.ENROLLED):
    return Enrollment.objects.create(cohort=cohort, user=user, status=status)


@pytest.fixture
def learner(db):
    return UserFactory(
        email="learner@example.org",
        first_name="Aisha",
        last_name="Karim",
        certificate_name="Aisha N. Karim",
    )


@pytest.fixture
def enrollment(finished_cohort, learner):
    return enroll(finished_cohort, learner)
