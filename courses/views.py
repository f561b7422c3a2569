"""Learner views of the curriculum: module completion. (/me/ lives in cohorts.views.)"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect

from .services import CurriculumError, module_complete, module_uncomplete


def module_completion(request, module):
    """POST /catalog/<course>/<module>/complete/ : mark done (or undo with action=undo)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
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

