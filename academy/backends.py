"""Authentication backend: allauth's, loading the signed-in user with the one extra
fact every page's navigation needs (do they facilitate a cohort?) in the same query."""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef


class AcademyAuthenticationBackend(AuthenticationBackend):
    def get_user(self, user_id):
        UserModel = get_user_model()
        qs = UserModel._default_manager.filter(pk=user_id).select_related("organization")
        # The cohorts app adds Cohort.facilitators (reverse name "facilitated_cohorts");
        # reach it through the relation, never by importing a higher app.
        relation = getattr(UserModel, "facilitated_cohorts", None)
        if relation is not None:
            through = relation.through
            qs = qs.annotate(
                facilitates=Exists(through.objects.filter(user_id=OuterRef("pk")))
            )
        user = qs.first()
        return user if user is not None and self.user_can_authenticate(user) else None
