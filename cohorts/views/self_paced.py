"""Self-paced courses for learners: start one, and finish it by completing its modules
(the module page's "Mark complete" comes here, so finishing the last required module
completes a started self-paced course)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import CoursePage, ModulePage
from courses.services import CurriculumError, module_complete, module_uncomplete

from ..services import EnrollmentError, self_paced_check, self_paced_start


@login_required
@require_POST
def self_paced_start_view(request, pk):
    course = get_object_or_404(CoursePage.objects.live().public(), pk=pk)
    try:
        self_paced_start(course=course, user=request.user)
    except EnrollmentError as exc:
        messages.error(request, str(exc))
        return redirect(course.url)
    messages.success(request, _("You have started %(course)s. It is on My learning, with "
                                "your progress; work through the modules at your own pace.")
                     % {"course": course.title})
    first = course.modules().first()
    return redirect(first.url if first else course.url)


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
            messages.info(request, _("“%(module)s” is marked as not done.")
                          % {"module": module.title})
            return redirect(module.url)
        module_complete(user=request.user, module=module)
        messages.success(request, _("“%(module)s” is marked complete.") % {"module": module.title})
    except CurriculumError as exc:
        messages.error(request, str(exc))
        return redirect(module.url)
    if self_paced_check(course=module.course, user=request.user):
        messages.success(request, _("You have completed %(course)s. Your certificate "
                                    "is being prepared; we will email it to you.")
                         % {"course": module.course.title})
    return redirect(module.url)
