"""Sign-up and profile forms (rendered with crispy-forms, Bootstrap 5 pack)."""

from django import forms

from .models import PROFILE_FIELDS, TIME_ZONE_CHOICES, User


class SignupExtraForm(forms.Form):
    """Added to allauth's sign-up form: the name we greet people by."""

    first_name = forms.CharField(max_length=150, label="First name")
    last_name = forms.CharField(max_length=150, label="Last name")

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.save(update_fields=["first_name", "last_name"])


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        choices=TIME_ZONE_CHOICES, help_text="Session times are shown in this time zone."
    )

    class Meta:
        model = User
        fields = PROFILE_FIELDS
        labels = {"first_name": "First name", "last_name": "Last name"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "jurisdiction_name", "jurisdiction_type", "state"):
            self.fields[name].required = True
        self.fields["jurisdiction_type"].choices = [("", "Choose a type")] + list(
            self.fields["jurisdiction_type"].choices
        )[1:]
        self.fields["state"].choices = [("", "Choose a state or territory")] + list(
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
