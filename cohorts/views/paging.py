"""Long facilitator lists come a page at a time: a 400-learner roster stays as quick as a
20-learner one, and filters, sorting and the totals still cover everyone."""

from django.core.paginator import Paginator

PER_PAGE = 50


def paginate(request, items, per_page=PER_PAGE):
    """(page, query string of the other parameters) for `templates/includes/pagination.html`.
    A page number out of range or not a number shows the nearest page, never an error."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()
