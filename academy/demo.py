"""Demo people and organisations (called by `manage.py seed_demo`)."""

from allauth.account.models import EmailAddress

from .demo_content import ORGANIZATIONS, PEOPLE
from .models import Organization, User

DEMO_PASSWORD = "governing-together"

ROLE_LABELS = {
    "staff": "Academy staff",
    "facilitator": "Facilitator",
    "partner_author": "Partner author",
    "official": "Official",
}


def demo_logins():
    """(role, email) for the README and the terminal: one of each role, plus a few officials."""
    rows, officials = [], 0
    for person in PEOPLE:
        if person["role"] == "official":
            officials += 1
            if officials > 3:
                continue
        rows.append((ROLE_LABELS[person["role"]], person["email"]))
    return rows


def seed(log):
    for data in ORGANIZATIONS:
        org, created = Organization.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "website": data.get("website", ""),
                "description": data.get("description", ""),
                "is_academy": data.get("is_academy", False),
            },
        )
        if created:
            log(f"organisation {org.name}")

    orgs = {o.slug: o for o in Organization.objects.all()}
    for person in PEOPLE:
        fields = {
            k: person.get(k, "")
            for k in (
                "first_name", "last_name", "preferred_name", "pronouns", "office_title",
                "jurisdiction_name", "jurisdiction_type", "state",
            )
        }
        fields["time_zone"] = person.get("time_zone") or "America/New_York"
        fields["organization"] = orgs.get(person.get("organization") or "")
        fields["is_staff"] = person["role"] == "staff"
        fields["is_superuser"] = person["role"] == "staff"
        user, created = User.objects.get_or_create(email=person["email"], defaults=fields)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            log(f"{person['role']} {user.email}")
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
