"""Scale data, people: 20,000 officials, facilitators and a staff login (called by
`manage.py seed_scale`).

Each app contributes a `scale.py` with `seed(log, sizes)` and `reset(log)`; the command
runs them in INSTALLED_APPS order (reset in reverse), so this module never imports a
higher app. Rows go in with `bulk_create` in batches: no `save()`, no signals, no
services, no emails. Everything the seed makes is recognisable (emails at
SCALE_DOMAIN, cohort slugs starting "scale-"), so `--reset` removes exactly that.
"""

import random
import time
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from .demo import DEMO_PASSWORD
from .models import JurisdictionType, User, USState, facilitators_group

SCALE_DOMAIN = "scale.example.org"
SCALE_PASSWORD = DEMO_PASSWORD
STAFF_EMAIL = f"staff@{SCALE_DOMAIN}"
FACILITATOR_EMAIL = f"facilitator@{SCALE_DOMAIN}"
OFFICIAL_EMAIL = f"official1@{SCALE_DOMAIN}"


@dataclass(frozen=True)
class ScaleSizes:
    """How big to make it; the command's options, with the academy's real size as defaults."""

    officials: int = 20_000
    cohorts: int = 500
    sessions_per_cohort: int = 8
    enrollments: int = 20_000
    big_cohort: int = 400
    facilitator_cohorts: int = 24
    facilitators: int = 40
    batch_size: int = 2_000
    seed: int = 2027

    @property
    def extra_facilitators(self):
        return max(self.facilitators - 1, 0)


def scale_users():
    return User.objects.filter(email__endswith="@" + SCALE_DOMAIN)


def official_email(n):
    return f"official{n}@{SCALE_DOMAIN}"


def logins():
    """(role, email) of the accounts a person (or the load test) signs in with."""
    return [
        ("Academy staff", STAFF_EMAIL),
        ("Facilitator", FACILITATOR_EMAIL),
        ("Official", OFFICIAL_EMAIL),
    ]


class Timer:
    """`with Timer(log, "officials") as t: ...; t.rows = n` logs "officials: n rows in 1.2 s"."""

    def __init__(self, log, what):
        self.log, self.what, self.rows = log, what, None

    def __enter__(self):
        self.start = time.monotonic()
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            rows = f"{self.rows:,} rows " if self.rows is not None else ""
            self.log(f"{self.what}: {rows}in {time.monotonic() - self.start:.1f} s")


FIRST_NAMES = [
    "Maria", "James", "Aisha", "Wei", "Carlos", "Emily", "Darnell", "Priya", "Jose", "Hannah",
    "Kwame", "Sofia", "Michael", "Leilani", "Tomas", "Grace", "Andre", "Mei", "Luis", "Fatima",
    "Samuel", "Rosa", "David", "Nia", "Ahmed", "Claire", "Marcus", "Yesenia", "Ethan", "Keisha",
    "Daniel", "Ana", "Robert", "Imani", "Hiroshi", "Laura", "Joseph", "Esperanza", "Kevin",
    "Tanya", "Omar", "Julia", "Brandon", "Lucia", "Tyrone", "Elena", "Patrick", "Naomi", "Raj",
    "Beatriz", "Winona", "Diego", "Sarah", "Kai", "Monique", "Ivan", "Abigail", "Chen", "Olga",
]
LAST_NAMES = [
    "Garcia", "Johnson", "Nguyen", "Smith", "Martinez", "Williams", "Chen", "Brown", "Lopez",
    "Jones", "Okafor", "Davis", "Hernandez", "Miller", "Patel", "Wilson", "Gonzalez", "Moore",
    "Kim", "Taylor", "Rodriguez", "Anderson", "Thomas", "Jackson", "White", "Harris", "Clark",
    "Lewis", "Robinson", "Walker", "Perez", "Hall", "Young", "Allen", "Sanchez", "Wright",
    "King", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Ramirez", "Campbell",
    "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker",
    "Yazzie", "Begay", "Kealoha", "Santos", "Morales", "Reyes", "Cruz",
]
PLACES = [
    "Springfield", "Riverside", "Fairview", "Franklin", "Greenville", "Bristol", "Clinton",
    "Salem", "Madison", "Georgetown", "Arlington", "Ashland", "Dover", "Oxford", "Jackson",
    "Burlington", "Manchester", "Milton", "Newport", "Auburn", "Dayton", "Lexington", "Hudson",
    "Kingston", "Marion", "Oakland", "Mount Vernon", "Winchester", "Cedar Falls", "Lakewood",
    "Pine Bluff", "Eastport", "Westfield", "Northbrook", "Southgate", "Highland", "Brookside",
    "Maple Grove", "Silver Lake", "Red Rock", "Bear Creek", "Elm Hollow", "Willow Bend",
]
JURISDICTIONS = {
    JurisdictionType.CITY: ("City of {place}", ["City Council Member", "Mayor", "Alder"]),
    JurisdictionType.COUNTY: ("{place} County", ["County Commissioner", "County Supervisor"]),
    JurisdictionType.SCHOOL_BOARD: (
        "{place} Unified School District", ["School Board Trustee", "School Board President"],
    ),
    JurisdictionType.TOWNSHIP: ("Village of {place}", ["Village Trustee", "Township Clerk"]),
    JurisdictionType.TRIBAL: ("{place} Tribal Council", ["Tribal Council Member"]),
    JurisdictionType.STATE: ("State of {state}", ["State Representative", "State Senator"]),
    JurisdictionType.OTHER: ("{place} Water District", ["Board Director", "Commissioner"]),
}
# Most officials serve cities, counties and school boards.
JURISDICTION_WEIGHTS = {
    JurisdictionType.CITY: 40, JurisdictionType.COUNTY: 18, JurisdictionType.SCHOOL_BOARD: 18,
    JurisdictionType.TOWNSHIP: 10, JurisdictionType.TRIBAL: 3, JurisdictionType.STATE: 6,
    JurisdictionType.OTHER: 5,
}
STATE_TIME_ZONES = {
    "AK": "America/Anchorage", "HI": "Pacific/Honolulu", "AZ": "America/Phoenix",
    "PR": "America/Puerto_Rico", "VI": "America/Puerto_Rico", "GU": "Pacific/Guam",
    "MP": "Pacific/Guam", "AS": "Pacific/Pago_Pago",
    **dict.fromkeys(["CA", "NV", "OR", "WA"], "America/Los_Angeles"),
    **dict.fromkeys(["CO", "ID", "MT", "NM", "UT", "WY"], "America/Denver"),
    **dict.fromkeys(
        ["AL", "AR", "IL", "IA", "KS", "LA", "MN", "MS", "MO", "NE", "ND", "OK", "SD", "TN",
         "TX", "WI"], "America/Chicago",
    ),
}


def _official(n, rng, password):
    """Official number n (1-based). The first len(states) x len(types) cover every pair."""
    states, types = USState.values, list(JURISDICTIONS)
    if n <= len(states) * len(types):
        state, kind = states[(n - 1) % len(states)], types[(n - 1) // len(states)]
    else:
        state = rng.choice(states)
        kind = rng.choices(types, weights=[JURISDICTION_WEIGHTS[t] for t in types])[0]
    pattern, titles = JURISDICTIONS[kind]
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    return User(
        email=official_email(n),
        password=password,
        first_name=first,
        last_name=last,
        preferred_name=first[:3] if n % 17 == 0 else "",
        pronouns=rng.choice(["", "", "she/her", "he/him", "they/them"]),
        office_title=rng.choice(titles),
        jurisdiction_name=pattern.format(place=rng.choice(PLACES), state=USState(state).label),
        jurisdiction_type=kind,
        state=state,
        time_zone=STATE_TIME_ZONES.get(state, "America/New_York"),
    )


def seed(log, sizes: ScaleSizes):
    rng = random.Random(sizes.seed)
    # One hash for everyone: hashing 20,000 passwords would take hours, and these are
    # fictional people. Each can still sign in with SCALE_PASSWORD.
    password = make_password(SCALE_PASSWORD)
    with Timer(log, "officials") as t:
        people = [_official(n, rng, password) for n in range(1, sizes.officials + 1)]
        people[0].first_name, people[0].last_name = "Rosa", "Official"
        people += [
            User(email=FACILITATOR_EMAIL, password=password, first_name="Fatima",
                 last_name="Facilitator", office_title="Academy facilitator"),
            User(email=STAFF_EMAIL, password=password, first_name="Sam", last_name="Staff",
                 is_staff=True, is_superuser=True),
        ]
        people += [
            User(email=f"facilitator{n}@{SCALE_DOMAIN}", password=password,
                 first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(LAST_NAMES),
                 office_title="Academy facilitator")
            for n in range(2, sizes.extra_facilitators + 2)
        ]
        users = User.objects.bulk_create(people, batch_size=sizes.batch_size)
        t.rows = len(users)
    # Cohorts' facilitators are chosen from the Facilitators group (cohorts.Cohort).
    facilitators_group().user_set.add(
        *User.objects.filter(office_title="Academy facilitator").values_list("pk", flat=True)
    )
    with Timer(log, "email addresses (verified)") as t:
        rows = EmailAddress.objects.bulk_create(
            [EmailAddress(user_id=u.pk, email=u.email, verified=True, primary=True)
             for u in users],
            batch_size=sizes.batch_size,
        )
        t.rows = len(rows)


def reset(log):
    with Timer(log, "people removed") as t:
        t.rows = scale_users().delete()[0]


def summary():
    users = scale_users()
    return [
        ("officials", users.filter(email__startswith="official").count()),
        ("facilitators", users.filter(email__startswith="facilitator").count()),
        ("staff", users.filter(is_staff=True).count()),
    ]
