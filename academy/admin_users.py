"""Wagtail admin for people: our profile fields on Wagtail's user forms.

Registered through academy.users_app.AcademyUsersAppConfig (replaces "wagtail.users"),
the documented way to customise Wagtail's user viewset.
"""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import PROFILE_FIELDS, TIME_ZONE_CHOICES

# Wagtail's forms already have the name; add the rest of the profile and the organisation.
ADMIN_EXTRA_FIELDS = [f for f in PROFILE_FIELDS if f not in ("first_name", "last_name")] + [
    "organization"
]


class AcademyUserCreationForm(UserCreationForm):
    time_zone = forms.ChoiceField(choices=TIME_ZONE_CHOICES, initial="America/New_York")

    class Meta(UserCreationForm.Meta):
        fields = set(UserCreationForm.Meta.fields) | set(ADMIN_EXTRA_FIELDS)
        widgets = {"groups": forms.CheckboxSelectMultiple}


class AcademyUserEditForm(UserEditForm):
    time_zone = forms.ChoiceField(choices=TIME_ZONE_CHOICES)

    class Meta(UserEditForm.Meta):
        fields = set(UserEditForm.Meta.fields) | set(ADMIN_EXTRA_FIELDS)
        widgets = {"groups": forms.CheckboxSelectMultiple}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return AcademyUserEditForm if for_update else AcademyUserCreationForm
