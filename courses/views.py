"""Learner views of the curriculum: module completion. (/me/ lives in cohorts.views.)"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from .models import ModulePage
from .services import CurriculumError, module_complete, module_uncomplete


@require_POST
def module_completion(request, pk):
    """POST /me/modules/<pk>/complete/ : mark done (or undo with action=undo). Signed-out
    people go to log in and come back to the module."""
    module = get_object_or_404(ModulePage.objects.live().public(), pk=pk)
    if not request.user.is_authenticated:
        return redirect_to_login(module.url)
    try:
        if request.POST.get("action") == "undo":
            module_uncomplete(user=request.user, module=module)
            messages.info(request, f"“{module.title}” is marked as not done.")
        else:
            module_complete(user=request.user, module=module)
            messages.success(request, f"“{module.title}” is marked complete.")
    except CurriculumError as exc:
        messages.error(request, str(exc))
    return redirect(module.url)
