"""eddsa-rdfc-2022 proofs: round trips, tampering, and clear answers for bad input."""

import copy
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certificates.credentials import keys, proofs
from certificates.credentials.loader import VC_V2, DocumentNotHeld, document_loader
from certificates.credentials.proofs import Failure

HOST = "academy.example.org"


@pytest.fixture(scope="module")
def key():
    return keys.generate_signing_key()


@pytest.fixture(scope="module")
def resolve(key):
    return keys.key_resolver(keys.did_document(HOST, key))


@pytest.fixture(scope="module")
def signed(key):
    document = {
        "@context": [VC_V2],
        "id": "urn:uuid:6a1c1f0e-8d4b-4b8e-9f57-2b0f4f0c9a11",
        "type": ["VerifiableCredential"],
        "issuer": keys.did_web(HOST),
        "validFrom": "2025-03-02T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner", "name": "Ana Rivera"},
    }
    created = dt.datetime(2025, 3, 2, 9, 30, 15, 123456, tzinfo=dt.UTC)
    return proofs.sign(document, key, key.key_id(HOST), created)


def test_sign_adds_a_data_integrity_proof(signed, key):
    assert signed["proof"] == {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2025-03-02T09:30:15Z",
        "verificationMethod": key.key_id(HOST),
        "proofPurpose": "assertionMethod",
        "proofValue": signed["proof"]["proofValue"],
    }
    assert signed["proof"]["proofValue"].startswith("z")


def test_round_trip_and_key_order_does_not_matter(signed, resolve):
    result = proofs.verify(signed, resolve)
    assert result.verified and result.failure is None
    reordered = dict(reversed(list(signed.items())))
    assert proofs.verify(reordered, resolve).verified


def test_resigning_replaces_the_proof(signed, key, resolve):
    again = proofs.sign(signed, key, key.key_id(HOST), "2025-04-01T00:00:00Z")
    assert again["proof"]["created"] == "2025-04-01T00:00:00Z"
    assert proofs.verify(again, resolve).verified


def test_any_change_breaks_the_signature(signed, resolve):
    for change in (
        lambda d: d["credentialSubject"].update(name="Someone Else"),
        lambda d: d.update(validFrom="2026-03-02T00:00:00Z"),
        lambda d: d["proof"].update(created="2025-03-03T09:30:15Z"),
    ):
        tampered = copy.deepcopy(signed)
        change(tampered)
        result = proofs.verify(tampered, resolve)
        assert result.failure is Failure.BAD_SIGNATURE
        assert "changed after signing" in result.message


def test_old_credentials_verify_after_a_key_rotation(signed, key):
    new_key = keys.generate_signing_key()
    rotated = keys.did_document(HOST, new_key, retired=[key.public_multibase])
    assert proofs.verify(signed, keys.key_resolver(rotated)).verified
    without_old = keys.did_document(HOST, new_key)
    assert proofs.verify(signed, keys.key_resolver(without_old)).failure is Failure.UNKNOWN_KEY


@pytest.mark.parametrize(
    "change, failure, words",
    [
        (lambda d: d.pop("proof"), Failure.MISSING_PROOF, "no proof"),
        (
            lambda d: d["proof"].update(cryptosuite="ecdsa-rdfc-2019"),
            Failure.WRONG_CRYPTOSUITE,
            "ecdsa",
        ),
        (lambda d: d["proof"].update(type="Ed25519Signature2020"), Failure.UNSUPPORTED_PROOF, ""),
        (lambda d: d["proof"].update(proofPurpose="authentication"), Failure.WRONG_PURPOSE, ""),
        (lambda d: d["proof"].update(proofValue="not base58"), Failure.MALFORMED, "proofValue"),
        (lambda d: d["proof"].update(proofValue="z3yv"), Failure.MALFORMED, "proofValue"),
        (lambda d: d["proof"].pop("verificationMethod"), Failure.MALFORMED, "verification"),
        (
            lambda d: d["proof"].update(verificationMethod="did:web:evil.example#k"),
            Failure.UNKNOWN_KEY,
            "evil",
        ),
        (
            lambda d: d.update(proof=[d["proof"], d["proof"]]),
            Failure.UNSUPPORTED_PROOF,
            "one proof",
        ),
        (lambda d: d.pop("@context"), Failure.MALFORMED, "@context"),
        (lambda d: d.update(extra="x"), Failure.UNREADABLE, "do not define"),
        (
            lambda d: d.update(type=["VerifiableCredential", "Mystery"]),
            Failure.UNREADABLE,
            "Mystery",
        ),
        (lambda d: d.update(id="credentials/1"), Failure.UNREADABLE, "credentials/1"),
        (
            lambda d: d.update({"@context": [VC_V2, "https://example.org/ctx"]}),
            Failure.UNREADABLE,
            "not one of",
        ),
        (lambda d: d.update({"@context": 5}), Failure.UNREADABLE, "@context"),
        (
            lambda d: d["proof"].update({"@context": ["https://example.org/other"]}),
            Failure.MALFORMED,
            "@context",
        ),
    ],
)
def test_bad_documents_get_a_named_failure(signed, resolve, change, failure, words):
    document = copy.deepcopy(signed)
    change(document)
    result = proofs.verify(document, resolve)
    assert not result.verified
    assert result.failure is failure, result.message
    assert words in result.message


def test_a_one_element_proof_list_is_accepted(signed, resolve):
    assert proofs.verify({**signed, "proof": [signed["proof"]]}, resolve).verified


@pytest.mark.parametrize("junk", [None, 42, "text", [], [1, 2], {}, {"proof": 1}, {"a": {"b": []}}])
def test_verify_never_raises(resolve, junk):
    result = proofs.verify(junk, resolve)
    assert result.verified is False
    assert result.failure in set(Failure)
    assert result.message


def test_a_resolver_that_raises_is_an_answer_too(signed):
    def broken(method):
        raise RuntimeError("resolver down")

    result = proofs.verify(signed, broken)
    assert result.failure is Failure.MALFORMED
    assert "resolver down" in result.message


def test_the_loader_refuses_what_it_does_not_hold():
    with pytest.raises(DocumentNotHeld, match="nothing is fetched"):
        document_loader("https://example.org/context.jsonld")
    assert document_loader(VC_V2)["document"]["@context"]["@protected"] is True


@settings(max_examples=60, deadline=None)
@given(
    created=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1),
                         timezones=st.just(dt.UTC)),
    method=st.sampled_from(["key-1", "key-2", "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"]),
)
def test_signing_reuses_the_proof_options_canonical_form_exactly(created, method):
    """Signing fills `created` into a cached canonical form of the proof options; it must
    be what full canonicalisation gives, for any date and key."""
    options = {
        "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
        "created": proofs.xsd_datetime(created),
        "verificationMethod": f"{keys.did_web(HOST)}#{method}",
        "proofPurpose": "assertionMethod", "@context": [VC_V2],
    }
    assert proofs._canonical_proof_config(options) == proofs.canonicalize(options)


def test_odd_dates_in_proof_options_take_the_full_path():
    options = {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
               "created": "2025-03-02T09:30:15.5+01:00", "verificationMethod": "did:web:x#k",
               "proofPurpose": "assertionMethod", "@context": [VC_V2]}
    assert proofs._canonical_proof_config(options) == proofs.canonicalize(options)


def test_inline_contexts_are_cached_under_a_key_that_tells_them_apart():
    import pyld.context_resolver

    from certificates.credentials import loader

    assert pyld.context_resolver.canonicalize is loader.context_cache_key
    key = loader.context_cache_key
    assert key({"a": 1, "b": {"c": "d"}}) == key({"b": {"c": "d"}, "a": 1})
    assert key({"a": 1}) != key({"a": "1"}) != key({"a": [1]})


def _unsigned_badges(count):
    from certificates.credentials import openbadge
    from tests.certificates.credentials_helpers import Issuance

    issuance = Issuance()
    return [openbadge.open_badge_credential(issuance.award(index=i)) for i in range(count)]


def test_signing_builds_an_open_badges_scoped_contexts_once(monkeypatch):
    """Signing keeps the contexts pyld builds from the Open Badges type-scoped contexts:
    the second credential builds none, and each canonical form is the one pyld gives
    without them."""
    from pyld.jsonld import JsonLdProcessor

    first, second = _unsigned_badges(2)
    built = []
    original = JsonLdProcessor._create_term_definition

    def counting(self, *args, **kwargs):
        built.append(args[1])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(JsonLdProcessor, "_create_term_definition", counting)
    assert proofs.canonicalize(first, ours=True) == proofs.canonicalize(first)
    built.clear()
    ours = proofs.canonicalize(second, ours=True)
    assert built == []
    assert ours == proofs.canonicalize(second)
    assert built  # pyld alone builds them for every document


def test_kept_contexts_never_answer_for_another_context():
    """Two documents whose embedded contexts give a term different meanings."""
    def document(vocabulary):
        return {"@context": [VC_V2, {"nickname": f"https://{vocabulary}.example/nickname"}],
                "type": ["VerifiableCredential"], "issuer": "did:web:academy.example.org",
                "validFrom": "2025-03-02T00:00:00Z",
                "credentialSubject": {"id": "did:example:x", "nickname": "Ana"}}

    one = proofs.canonicalize(document("one"), ours=True)
    two = proofs.canonicalize(document("two"), ours=True)
    assert "https://one.example/nickname" in one and "one.example" not in two
    assert "https://two.example/nickname" in two
