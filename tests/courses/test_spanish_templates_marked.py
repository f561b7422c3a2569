"""The learner-facing templates hold no user-facing English outside {% translate %} and
{% blocktranslate %}: text between tags and in aria-label, title, alt and placeholder
attributes must be marked, or the Spanish pages would show it in English."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "templates"
LEARNER_TEMPLATES = sorted(
    [*ROOT.glob("courses/*.html"), *ROOT.glob("blocks/*.html")]
    + [ROOT / "includes" / f"{name}.html" for name in (
        "course_card", "course_cohorts", "footer", "messages", "pagination", "progress")]
    + [ROOT / "cohorts" / f"{name}.html" for name in (
        "check_in", "check_in_confirm", "check_in_done", "cohort_detail", "enroll",
        "my_learning", "withdraw_confirm")]
    + [ROOT / "cohorts" / "includes" / f"{name}.html" for name in (
        "my_completion", "cohort_state", "cohort_table")]
)
# Words that read the same in Spanish.
ALLOWED = set()


def leftover_english(source: str) -> list[str]:
    text = re.sub(r"(?s)\{%\s*(blocktranslate|comment)\b.*?\{%\s*end(blocktranslate|comment)\s*%\}",
                  " ", source)
    attributes = re.findall(r'(?:aria-label|title|alt|placeholder)="([^"{]*)"', text)
    text = re.sub(r"(?s)\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", " ", text)
    text = re.sub(r"(?s)<[^>]*>", " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z']+", text + " " + " ".join(attributes))
    return [w for w in words if w not in ALLOWED]


@pytest.mark.parametrize("path", LEARNER_TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_template_text_is_marked_for_translation(path):
    assert leftover_english(path.read_text()) == []


def test_the_check_finds_unmarked_text():
    assert leftover_english('<p aria-label="Main">Hello {% translate "Hi" %}</p>') == [
        "Hello", "Main"
    ]
