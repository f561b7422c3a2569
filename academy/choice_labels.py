"""`get_FOO_display()` for the project's models, translated once per language.

Django's own `get_FOO_display()` builds a dictionary of every choice of the field on each
call, which translates every label (hashing a lazy label translates it): one learner's
status on a 50-row roster cost nine translations, and the roster page 1,100 where 100
were shown. `install()` (from AcademyConfig.ready) gives the project's models a version
that keeps each field's labels per language. The labels are the fields' own choices, so
what a page says does not change; a value outside the choices shows as itself, as in
Django."""

from functools import partialmethod

from django.apps import apps
from django.utils.encoding import force_str
from django.utils.translation import get_language

PROJECT_APPS = ("academy", "cohorts", "courses", "certificates", "reports")
_labels: dict = {}


def choice_label(field, value) -> str:
    """The label of `value` among `field`'s choices, in the active language."""
    key = (field, get_language())
    labels = _labels.get(key)
    if labels is None:
        labels = _labels[key] = {k: force_str(v, strings_only=True)
                                 for k, v in field.flatchoices}
    try:
        return labels.get(value, force_str(value, strings_only=True))
    except TypeError:  # an unhashable value (not a choice of these fields): as Django does
        return force_str(value, strings_only=True)


def _display(self, *, field):
    return choice_label(field, getattr(self, field.attname))


def install() -> int:
    """Replace Django's `get_FOO_display` on the project's models; returns how many."""
    count = 0
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.concrete_fields:
                if field.choices and field.model is model:
                    setattr(model, f"get_{field.name}_display",
                            partialmethod(_display, field=field))
                    count += 1
    return count
