"""Forms for the curriculum: the CoursePage and ModulePage admin forms."""

from wagtail.admin.forms import WagtailAdminPageForm


class ModulePageForm(WagtailAdminPageForm):
    """A partner author's own organisation is always credited on the modules they edit."""

    def clean(self):
        cleaned = super().clean()
        user = self.for_user
        org = getattr(user, "organization", None) if user is not None else None
        if org is not None and not org.is_academy and "authors" in cleaned:
            authors = list(cleaned["authors"] or [])
            if org not in authors:
                authors.append(org)
            cleaned["authors"] = authors
        return cleaned


class CoursePageForm(WagtailAdminPageForm):
    """A course image needs alt text: the page's own, or the image's description."""

    def clean(self):
        cleaned = super().clean()
        image = cleaned.get("image")
        if image is not None and not (cleaned.get("image_alt") or "").strip() and not (
            getattr(image, "description", "") or ""
        ).strip():
            self.add_error(
                "image_alt",
                "Describe the image for people who cannot see it (for example: \"Residents "
                "at a city council budget hearing\"), or remove the image.",
            )
        return cleaned
