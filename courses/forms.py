"""Forms for the curriculum: the ModulePage admin form."""

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
