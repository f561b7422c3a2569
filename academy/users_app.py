from wagtail.users.apps import WagtailUsersAppConfig


class AcademyUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app with our profile fields on its forms."""

    user_viewset = "academy.admin_users.UserViewSet"
