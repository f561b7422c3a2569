"""Demo certificates: issue them for the finished cohorts (called by seed_demo)."""

from cohorts.models import Cohort, CohortStatus

from .models import Certificate
from .services import certificate_issue_for_cohort


def seed(log):
    for cohort in Cohort.objects.filter(status=CohortStatus.FINISHED).prefetch_related(
        "facilitators"
    ):
        actor = cohort.facilitators.first()
        if actor is None:
            continue
        result = certificate_issue_for_cohort(cohort=cohort, actor=actor)
        if result["issued"]:
            log(f"{len(result['issued'])} certificates for {cohort}")
    log(f"{Certificate.objects.count()} certificates in all")
