"""`get_FOO_display()` on the project's models (academy.choice_labels): the field's own
label for every choice, in the active language, without translating every label per call."""

import pytest
from django.apps import apps
from django.utils import translation
from django.utils.translation import trans_real

from academy.choice_labels import PROJECT_APPS
from cohorts.models import Enrollment

pytestmark = pytest.mark.django_db


def choice_fields():
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.concrete_fields:
                if field.choices and field.model is model:
                    yield model, field


def test_every_choice_shows_its_own_label_in_english_and_spanish():
    fields = list(choice_fields())
    assert len(fields) > 10
    for language in ("en", "es"):
        with translation.override(language):
            for model, field in fields:
                for value, label in field.flatchoices:
                    instance = model(**{field.attname: value})
                    shown = getattr(instance, f"get_{field.name}_display")()
                    assert shown == str(label), (model, field.name, value, language)
    with translation.override("es"):
        assert Enrollment(status="waitlisted").get_status_display() == "En lista de espera"
    assert Enrollment(status="no-such-status").get_status_display() == "no-such-status"


def test_a_label_is_translated_once_not_every_choice_on_every_call(monkeypatch):
    calls = []
    original = trans_real.DjangoTranslation.gettext
    monkeypatch.setattr(trans_real.DjangoTranslation, "gettext",
                        lambda self, message: calls.append(message) or original(self, message))
    with translation.override("es"):
        Enrollment(status="enrolled").get_status_display()
        calls.clear()
        for status in ("enrolled", "pending", "waitlisted") * 50:
            Enrollment(status=status).get_status_display()
    assert calls == []
