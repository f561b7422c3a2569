"""Forms for the curriculum: the CoursePage and ModulePage admin forms."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# The rule files' reader is plain Python over TOML (no models, no app code above academy):
# the course form offers their topics and requirement ids as the choices staff tag with.
from certificates.hours.requirements import RULES_DIR, load_requirements, read_vocabulary


def _topic_choices():
    return list(read_vocabulary(RULES_DIR / "vocabulary.toml").topics.items())


def _requirement_choices():
    return [
        (r.id, f"{state}: {r.title} ({r.provenance.citation})")
        for state, requirements in sorted(load_requirements().items())
        for r in requirements
    ]


class ModulePageForm(WagtailAdminPageForm):
    """A partner author's own organisation is always credited on the modules they edit."""

    def clean(self):
        cleaned = super().clean()
        user = self.for_user
        org = getattr(user, "organization", None) if user is not None else None
        if org is not None and not org.is_academy and "authors" in cleaned:
            authors = list(cleaned["authors"] or [])
            if org not in authors:
                authors.append(org)
            cleaned["authors"] = authors
        return cleaned


class CoursePageForm(WagtailAdminPageForm):
    """A course image needs alt text: the page's own, or the image's description. Staff tag
    the training topics a course covers and the state requirements it may count toward."""

    training_topics = forms.MultipleChoiceField(
        choices=_topic_choices, required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Training topics covered"),
    )
    counts_toward = forms.MultipleChoiceField(
        choices=_requirement_choices, required=False, widget=forms.CheckboxSelectMultiple,
        label=_("May count toward"),
        help_text=_("State requirements this course may count toward; the official or their "
                    "clerk confirms what counts."),
    )

    def clean(self):
        cleaned = super().clean()
        image = cleaned.get("image")
        if image is not None and not (cleaned.get("image_alt") or "").strip() and not (
            getattr(image, "description", "") or ""
        ).strip():
            self.add_error(
                "image_alt",
                gettext("Describe the image for people who cannot see it (for example: "
                        "\"Residents at a city council budget hearing\"), or remove the image."),
            )
        return cleaned
