"""Organisations and people from academy/demo_data/*.toml (called by `manage.py seed_demo`).

Every file is read and checked before anything is written; a mistake raises a
`DataFileError` naming the file and the field.
"""

from datetime import timedelta
from pathlib import Path

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from .choices import JurisdictionType, USState
from .datafiles import read_toml
from .models import BodyMembership, Organization, User, facilitators_group
from .services import MembershipRow, body_memberships_save

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
DEMO_PASSWORD = "governing-together"
# The authenticator app of the demo accounts that reach the admin (staff, partner authors):
# the admin asks them for its code (academy.accounts). Add it to an app, or print the
# current code with pyotp (README, "Demo logins"). Demo data only, like the password.
DEMO_TOTP_SECRET = "GOVERNINGTOGETHERDEMOADMINSECRET"
ADMIN_ROLES = ("staff", "partner_author")

ROLE_LABELS = {
    "staff": "Academy staff",
    "facilitator": "Facilitator",
    "partner_author": "Partner author",
    "official": "Official",
}
PROFILE_FIELDS = (
    "first_name", "last_name", "preferred_name", "pronouns", "office_title",
    "jurisdiction_name", "jurisdiction_type", "state", "time_zone",
)


def load_organizations(data_dir: Path | None = None) -> list[dict]:
    rows, seen = [], set()
    for entry in read_toml((data_dir or DATA_DIR) / "organizations.toml").tables("organizations"):
        row = entry.model_fields(
            Organization, "name", "slug", website="", description="", is_academy=False
        )
        entry.unique("slug", row["slug"], seen)
        entry.done()
        rows.append(row)
    return rows


def load_people(data_dir: Path | None = None) -> list[dict]:
    """People with their role and organisation slug (an organisation of the file above)."""
    data_dir = data_dir or DATA_DIR
    orgs = [o["slug"] for o in load_organizations(data_dir)]
    rows, seen = [], set()
    for entry in read_toml(data_dir / "people.toml").tables("people"):
        row = entry.model_fields(User, "email", **{k: "" for k in PROFILE_FIELDS})
        row["time_zone"] = row["time_zone"] or "America/New_York"
        row["preferred_language"] = entry.model_field(User, "preferred_language", "en")
        row["role"] = entry.choice("role", entry.text("role"), ROLE_LABELS)
        row["organization"] = entry.text("organization", "")
        if row["organization"]:
            entry.choice("organization", row["organization"], orgs)
        entry.unique("email", row["email"].lower(), seen)
        entry.done()
        rows.append(row)
    return rows


def load_bodies(data_dir: Path | None = None) -> tuple[list[dict], list[dict]]:
    """Bodies and the demo officials' terms on them (days before the seeding day)."""
    data_dir = data_dir or DATA_DIR
    table = read_toml(data_dir / "bodies.toml")
    emails = [p["email"].lower() for p in load_people(data_dir)]
    bodies, seen = [], set()
    for entry in table.tables("bodies"):
        row = {
            "name": entry.text("name"),
            "body_type": entry.choice("type", entry.text("type"), JurisdictionType.values),
            "state": entry.choice("state", entry.text("state"), USState.values),
            "seats": entry.value("seats", int),
        }
        if row["seats"] < 1:
            raise entry.error("seats", "a body has at least one seat")
        entry.unique("name", row["name"], seen)
        entry.done()
        bodies.append(row)
    terms = []
    for entry in table.tables("terms"):
        row = {
            "email": entry.choice("email", entry.text("email").lower(), emails),
            "body": entry.choice("body", entry.text("body"), seen),
            "seat": entry.text("seat", ""),
            "oath_days_ago": entry.value("oath_days_ago", int, None),
            "election_days_ago": entry.value("election_days_ago", int, None),
            "compensated": entry.value("compensated", bool, False),
        }
        if row["oath_days_ago"] is None and row["election_days_ago"] is None:
            raise entry.error("oath_days_ago", "give oath_days_ago or election_days_ago")
        entry.done()
        terms.append(row)
    return bodies, terms


def demo_logins() -> list[tuple[str, str, str]]:
    """(role, email, who) of every demo person, in the file's order, for the terminal."""
    orgs = {o["slug"]: o["name"] for o in load_organizations()}
    rows = []
    for person in load_people():
        where = (
            [person["jurisdiction_name"], person["state"]]
            if person["role"] == "official"
            else [orgs.get(person["organization"], "")]
        )
        who = ", ".join(part for part in [person["office_title"], *where] if part)
        rows.append((ROLE_LABELS[person["role"]], person["email"], who))
    return rows


def seed(log):
    organizations, people = load_organizations(), load_people()
    for data in organizations:
        org, created = Organization.objects.get_or_create(slug=data["slug"], defaults=data)
        if created:
            log(f"organisation {org.name}")

    orgs = {o.slug: o for o in Organization.objects.all()}
    for person in people:
        fields = {k: person[k] for k in (*PROFILE_FIELDS, "preferred_language")}
        fields["organization"] = orgs.get(person["organization"])
        fields["is_staff"] = fields["is_superuser"] = person["role"] == "staff"
        user, created = User.objects.get_or_create(email=person["email"], defaults=fields)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            log(f"{person['role']} {user.email}")
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        if person["role"] == "facilitator":
            user.groups.add(facilitators_group())
        if person["role"] in ADMIN_ROLES and not Authenticator.objects.filter(user=user).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
    _seed_bodies(log)


def _seed_bodies(log):
    """Bodies and terms, through the profile page's service (once: an official with terms
    on file is left as they are)."""
    bodies, terms = load_bodies()
    by_name = {b["name"]: b for b in bodies}
    today = timezone.localdate()
    for email in dict.fromkeys(t["email"] for t in terms):
        user = User.objects.get(email=email)
        if BodyMembership.objects.filter(user=user).exists():
            continue
        rows = []
        for term in (t for t in terms if t["email"] == email):
            body = by_name[term["body"]]
            days = {k: term[f"{k}_days_ago"] for k in ("oath", "election")}
            rows.append(MembershipRow(
                body_name=body["name"], body_type=body["body_type"], state=body["state"],
                seats=body["seats"], seat=term["seat"], compensated=term["compensated"],
                oath_date=today - timedelta(days=days["oath"]) if days["oath"] else None,
                election_date=(today - timedelta(days=days["election"])
                               if days["election"] else None),
            ))
        body_memberships_save(user=user, rows=rows)
        log(f"terms of {email}")
