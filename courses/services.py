"""Curriculum rules: module completion."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from .models import ModuleCompletion, ModulePage


class CurriculumError(Exception):
    """A rule was broken; the message is for people."""


@transaction.atomic
def module_complete(*, user, module: ModulePage) -> ModuleCompletion:
    """Mark `module` complete for `user`. Idempotent: completing twice keeps the first date."""
    if not user.is_authenticated:
        raise CurriculumError(gettext("Sign in to record your progress."))
    if not module.live:
        raise CurriculumError(gettext("This module is not published."))
    module = module.original  # a translation's completion counts for the original module
    try:
        with transaction.atomic():
            completion, _ = ModuleCompletion.objects.get_or_create(user=user, module=module)
    except IntegrityError:  # a concurrent double click won the insert
        completion = ModuleCompletion.objects.get(user=user, module=module)
    return completion


@transaction.atomic
def module_uncomplete(*, user, module: ModulePage) -> None:
    ModuleCompletion.objects.filter(user=user, module=module.original).delete()
