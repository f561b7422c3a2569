"""System check: every open-meetings threshold file is valid (manage.py check, start-up)."""

from django.core import checks

from academy.rulefiles import check_rule_files

from .open_meetings import load_open_meetings_rules


@checks.register()
def check_open_meetings_rules(app_configs=None, **kwargs):
    return check_rule_files(load_open_meetings_rules, check_id="cohorts.E001")
