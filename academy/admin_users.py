"""Wagtail admin for people: our profile fields on Wagtail's user forms.

Registered through academy.users_app.AcademyUsersAppConfig (replaces "wagtail.users"),
the documented way to customise Wagtail's user viewset.
"""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import TIME_ZONE_CHOICES

PROFILE_FIELDS = [
    "preferred_name",
    "pronouns",
    "certificate_name",
    "office_title",
    "jurisdiction_name",
    "jurisdiction_type",
    "state",
    "time_zone",
    "organization",
]


class AcademyUserCreationForm(UserCreationForm):
    time_zone = forms.ChoiceField(choices=TIME_ZONE_CHOICES, initial="America/New_York")

    class Meta(UserCreationForm.Meta):
        fields = set(UserCreationForm.Meta.fields) | set(PROFILE_FIELDS)
        widgets = {"groups": forms.CheckboxSelectMultiple}


class AcademyUserEditForm(UserEditForm):
    time_zone = forms.ChoiceField(choices=TIME_ZONE_CHOICES)

    class Meta(UserEditForm.Meta):
        fields = set(UserEditForm.Meta.fields) | set(PROFILE_FIELDS)
        widgets = {"groups": forms.CheckboxSelectMultiple}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return AcademyUserEditForm if for_update else AcademyUserCreationForm
