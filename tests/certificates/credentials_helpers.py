"""Builders shared by the credentials tests: an issuer with a key, a status list, awards.

Plain functions (no database): the credentials package is pure.
"""

import datetime as dt
from dataclasses import dataclass, field, replace

from certificates.credentials import keys, openbadge, proofs, status_list

HOST = "academy.example.org"
LIST_URL = f"https://{HOST}/credentials/status/1"
SIGNED_AT = dt.datetime(2025, 3, 2, 9, 30, tzinfo=dt.UTC)
REVOKED_INDEX = 7


@dataclass
class Issuance:
    """An issuer's key, its DID document and its signed revocation list."""

    key: keys.SigningKey = field(default_factory=keys.generate_signing_key)
    retired: tuple[str, ...] = ()
    revoked: tuple[int, ...] = (REVOKED_INDEX,)

    @property
    def did(self) -> str:
        return keys.did_web(HOST)

    @property
    def did_document(self) -> dict:
        return keys.did_document(HOST, self.key, self.retired)

    def status_list(self) -> dict:
        bits = status_list.new_bitstring()
        for index in self.revoked:
            status_list.set_bit(bits, index)
        unsigned = status_list.status_list_credential(
            url=LIST_URL, issuer=self.did, bits=bits, valid_from="2025-01-01T00:00:00Z"
        )
        return proofs.sign(unsigned, self.key, self.key.key_id(HOST), SIGNED_AT)

    def award(self, index: int = 3, **changes) -> openbadge.Award:
        award = openbadge.Award(
            id=f"https://{HOST}/certificates/K7Q2-M9XD/credential.json",
            issuer=openbadge.Issuer(
                id=self.did,
                name="Progressive Governance Academy",
                url=f"https://{HOST}/",
                image=f"https://{HOST}/static/img/logo.png",
            ),
            achievement=openbadge.Achievement(
                id=f"https://{HOST}/catalog/budgeting-for-equity/",
                name="Budgeting for Equity",
                description="Participatory and equity-centred budgeting for local officials.",
                criteria="Attend at least 80% of the live sessions and complete every "
                "required module.",
                hours=7.5,
                topics=(
                    openbadge.Topic(
                        name="Fiscal stewardship",
                        url=f"https://{HOST}/catalog/?pillar=fiscal-stewardship",
                        framework="Academy pillars",
                    ),
                ),
                minimum_attendance=80,
            ),
            recipient_email="Ana.Rivera@Example.org",
            salt="5f3c9a0e1b7d4c2a",
            attendance_percent=83.3333,
            hours_earned=7.5,
            activity_start=dt.datetime(2025, 1, 14, 23, 0, tzinfo=dt.UTC),
            activity_end=dt.datetime(2025, 2, 25, 1, 0, tzinfo=dt.UTC),
            valid_from=SIGNED_AT,
            credential_status=status_list.status_list_entry(list_url=LIST_URL, index=index),
        )
        return replace(award, **changes)

    def credential(self, index: int = 3, **changes) -> dict:
        unsigned = openbadge.open_badge_credential(self.award(index, **changes))
        return openbadge.sign_credential(unsigned, self.key, SIGNED_AT)
