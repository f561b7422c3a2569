from django import forms

from .models import Enrollment


class EnrollForm(forms.ModelForm):
    """The short enrollment form (crispy renders it)."""

    class Meta:
        model = Enrollment
        fields = ["hopes", "accessibility_needs", "share_name"]
        widgets = {
            "hopes": forms.Textarea(attrs={"rows": 3}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "hopes": "A sentence or two helps the facilitators shape the sessions.",
            "accessibility_needs": "Captions, interpretation, step-free access, anything else. "
            "Only the facilitators see this.",
        }
        labels = {"accessibility_needs": "Accessibility needs (optional)"}


class DecisionForm(forms.Form):
    message = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
        label="Message to the person (optional)",
    )
