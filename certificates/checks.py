"""System check: every state training-requirement file is valid (manage.py check, start-up)."""

from django.core import checks

from academy.rulefiles import check_rule_files

from .hours.requirements import load_requirements


@checks.register()
def check_requirement_rules(app_configs=None, **kwargs):
    return check_rule_files(load_requirements, check_id="certificates.E001")
