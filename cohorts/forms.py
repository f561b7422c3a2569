from django import forms
from django.utils.translation import gettext_lazy as _

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
            "hopes": _("A sentence or two helps the facilitators shape the sessions."),
            "accessibility_needs": _("Captions, interpretation, step-free access, anything "
                                     "else. Only the facilitators see this."),
        }
        labels = {"accessibility_needs": _("Accessibility needs (optional)")}


class DecisionForm(forms.Form):
    message = forms.CharField(
        required=False, max_length=Enrollment._meta.get_field("decision_message").max_length,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Message to the person (optional)"),
    )


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"), max_length=12,
        help_text=_("The six characters on the screen in the room, for example K7QM2P."),
        widget=forms.TextInput(attrs={
            "autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false",
            "class": "text-uppercase",
        }),
    )


class ReportUploadForm(forms.Form):
    report = forms.FileField(
        label=_("Participant report (CSV)"),
        help_text=_("Zoom: Reports › Usage › Participants › Export. Teams: the meeting's "
                    "Attendance tab › Download. At most 2 MB."),
    )
    min_share = forms.IntegerField(
        # xgettext:no-python-format
        label=_("Present when in the meeting for at least (% of the session)"), initial=75,
        min_value=1, max_value=100,
    )
