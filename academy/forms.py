"""Sign-up and profile forms (rendered with crispy-forms, Bootstrap 5 pack)."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .i18n import supported
from .models import PROFILE_FIELDS, TIME_ZONE_CHOICES, JurisdictionType, User, USState


class SignupExtraForm(forms.Form):
    """Added to allauth's sign-up form: the name we greet people by."""

    first_name = forms.CharField(max_length=150, label=_("First name"))
    last_name = forms.CharField(max_length=150, label=_("Last name"))

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        fields = ["first_name", "last_name"]
        # Signing up on the Spanish pages makes Spanish the person's language: the
        # confirmation email and everything after it reach them in it.
        language = supported(translation.get_language())
        if language and language != user.preferred_language:
            user.preferred_language = language
            fields.append("preferred_language")
        user.save(update_fields=fields)


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=TIME_ZONE_CHOICES,
        help_text=_("Session times are shown in this time zone."),
    )

    class Meta:
        model = User
        fields = PROFILE_FIELDS
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "preferred_name": _("Preferred name"),
            "pronouns": _("Pronouns"),
            "jurisdiction_name": _("Jurisdiction name"),
            "jurisdiction_type": _("Jurisdiction type"),
            "preferred_language": _("Language"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "jurisdiction_name", "jurisdiction_type", "state"):
            self.fields[name].required = True
        self.fields["jurisdiction_type"].choices = [("", _("Choose a type"))] + list(
            self.fields["jurisdiction_type"].choices
        )[1:]
        self.fields["state"].choices = [("", _("Choose a state or territory"))] + list(
            self.fields["state"].choices
        )[1:]
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["preferred_name"].widget.attrs["autocomplete"] = "nickname"
        self.fields["office_title"].widget.attrs["autocomplete"] = "organization-title"

    def clean(self):
        cleaned = super().clean()
        for key, value in cleaned.items():
            if isinstance(value, str):
                cleaned[key] = value.strip()
        return cleaned


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


class MembershipForm(forms.Form):
    """One term on one body (the profile's formset: several bodies, several terms)."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    body_name = forms.CharField(
        label=_("Name of the body"), max_length=200,
        help_text=_("For example: Leon County Board of County Commissioners."),
    )
    body_type = forms.ChoiceField(label=_("Type of body"), choices=JurisdictionType.choices)
    state = forms.ChoiceField(label=_("State or territory"), choices=USState.choices)
    seats = forms.IntegerField(
        label=_("Number of seats"), min_value=1, max_value=500,
        help_text=_("How many members the body has when every seat is filled."),
    )
    seat = forms.CharField(
        label=_("Your seat or office"), max_length=200, required=False,
        help_text=_("For example: County Commissioner, District 2."),
    )
    oath_date = forms.DateField(
        label=_("Oath of office"), required=False, widget=DateInput,
        help_text=_("The day you took the oath (or took up the duties) for this term."),
    )
    election_date = forms.DateField(
        label=_("Elected or appointed on"), required=False, widget=DateInput
    )
    left_on = forms.DateField(
        label=_("Left office on"), required=False, widget=DateInput,
        help_text=_("Leave blank while you serve."),
    )
    compensated = forms.BooleanField(
        label=_("The body pays me or reimburses my expenses"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body_type"].choices = [("", _("Choose a type"))] + list(
            JurisdictionType.choices
        )
        self.fields["state"].choices = [("", _("Choose a state or territory"))] + list(
            USState.choices
        )
        self.fields["seat"].widget.attrs["autocomplete"] = "organization-title"

    def clean(self):
        cleaned = super().clean()
        if self.cleaned_data.get("DELETE"):
            return cleaned
        from .services.bodies import membership_row_problem

        if not self.errors and cleaned.get("body_name"):
            problem = membership_row_problem(self.row())
            if problem:
                self.add_error(problem[0], problem[1])
        return cleaned

    def row(self):
        from .services.bodies import MembershipRow

        data = self.cleaned_data
        return MembershipRow(
            body_name=data.get("body_name", "").strip(),
            body_type=data.get("body_type", ""),
            state=data.get("state", ""),
            seats=data.get("seats") or 0,
            seat=data.get("seat", ""),
            oath_date=data.get("oath_date"),
            election_date=data.get("election_date"),
            left_on=data.get("left_on"),
            compensated=bool(data.get("compensated")),
            pk=data.get("id"),
            delete=bool(data.get("DELETE")),
        )


MembershipFormSet = forms.formset_factory(MembershipForm, extra=1, can_delete=True, max_num=20)


def membership_initial(memberships):
    return [
        {
            "id": m.pk, "body_name": m.body.name, "body_type": m.body.body_type,
            "state": m.body.state, "seats": m.body.seats, "seat": m.seat,
            "oath_date": m.oath_date, "election_date": m.election_date, "left_on": m.left_on,
            "compensated": m.compensated,
        }
        for m in memberships
    ]
