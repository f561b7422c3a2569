"""Reads for the curriculum: catalog search and course progress."""

from dataclasses import dataclass, field

from django.db.models import Q


def catalog_search(catalog, courses, query):
    """Wagtail search across courses and modules.

    Returns (courses, modules): the filtered course queryset narrowed to courses
    that match the query themselves or through one of their modules (best match
    first), and the matching modules (for a "matching modules" list).
    """
    from .models import CoursePage, ModulePage

    course_hits = [
        c.pk for c in CoursePage.objects.live().public().child_of(catalog).search(query)[:200]
    ]
    module_hits = list(ModulePage.objects.live().public().descendant_of(catalog).search(query)[:50])
    module_ids = [m.pk for m in module_hits]
    modules = list(
        ModulePage.objects.filter(pk__in=module_ids).only(
            "id", "title", "url_path", "path", "depth", "intro"
        )
    )
    by_pk = {m.pk: m for m in modules}
    modules = [by_pk[pk] for pk in module_ids if pk in by_pk]
    parent_paths = {m.path[: -CoursePage.steplen] for m in modules}

    allowed = courses.filter(Q(pk__in=course_hits) | Q(path__in=parent_paths))
    rank = {pk: i for i, pk in enumerate(course_hits)}
    ordered = sorted(allowed, key=lambda c: (rank.get(c.pk, len(rank)), c.title))
    allowed_paths = {c.path for c in ordered}
    modules = [m for m in modules if m.path[: -CoursePage.steplen] in allowed_paths]
    return ordered, modules


@dataclass
class CourseProgress:
    """A learner's progress through one course: required modules done / required."""

    required_total: int = 0
    required_done: int = 0
    completed_ids: set = field(default_factory=set)
    signed_in: bool = False

    @property
    def percent(self):
        if not self.required_total:
            return 0
        return round(100 * self.required_done / self.required_total)

    @property
    def complete(self):
        return self.required_total > 0 and self.required_done >= self.required_total


def course_progress(user, course, *, modules=None):
    """Progress of `user` through `course`, in at most two queries."""
    from .models import ModuleCompletion, ModulePage

    if modules is None:
        modules = list(ModulePage.objects.live().child_of(course).only("id", "required"))
    required_ids = {m.pk for m in modules if m.required}
    progress = CourseProgress(required_total=len(required_ids))
    if not getattr(user, "is_authenticated", False):
        return progress
    progress.signed_in = True
    done = set(
        ModuleCompletion.objects.filter(
            user=user, module_id__in=[m.pk for m in modules]
        ).values_list("module_id", flat=True)
    )
    progress.completed_ids = done
    progress.required_done = len(done & required_ids)
    return progress


def required_modules_done(user_ids, course):
    """For many learners at once: {user_id: (required_done, required_total)} in two queries."""
    from .models import ModuleCompletion, ModulePage

    required_ids = set(
        ModulePage.objects.live()
        .child_of(course)
        .filter(required=True)
        .values_list("id", flat=True)
    )
    result = {uid: [0, len(required_ids)] for uid in user_ids}
    if required_ids and user_ids:
        rows = ModuleCompletion.objects.filter(
            user_id__in=list(user_ids), module_id__in=required_ids
        ).values_list("user_id", flat=True)
        for uid in rows:
            result[uid][0] += 1
    return {uid: tuple(v) for uid, v in result.items()}
