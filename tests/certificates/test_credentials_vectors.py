"""Conformance: published eddsa-rdfc-2022 test vectors, reproduced byte for byte.

Sources and the choice of version are in tests/certificates/vectors/README.md.
"""

import hashlib
import json
from pathlib import Path

import pytest

from certificates.credentials import keys, multibase, proofs
from certificates.credentials.loader import make_loader

VECTORS = Path(__file__).parent / "vectors"
OB = VECTORS / "ob-v3p0-1edtech"
W3C = VECTORS / "w3c-eddsa-rdfc-2022"


def read_json(path: Path):
    return json.loads(path.read_text())


@pytest.fixture(scope="module")
def ob_loader():
    """The vector's three older contexts, on top of our vendored ones."""
    held = {
        "https://www.w3.org/2018/credentials/v1": "credentials-v1.jsonld",
        "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld": "ob-context-3.0.0.json",
        "https://w3id.org/security/data-integrity/v1": "data-integrity-v1.jsonld",
    }
    return make_loader({url: read_json(OB / "contexts" / name) for url, name in held.items()})


@pytest.fixture(scope="module")
def w3c_loader():
    examples = read_json(W3C / "contexts" / "credentials-examples-v2.jsonld")
    return make_loader({"https://www.w3.org/ns/credentials/examples/v2": examples})


def test_1edtech_key_is_the_published_multikey():
    values = read_json(OB / "values.json")
    key = keys.signing_key_from_seed(bytes.fromhex(values["privateKeyHex"])[:32])
    assert key.public_key.public_bytes_raw().hex() == values["publicKeyHex"]
    assert key.public_multibase == values["publicKeyMultibase"]


def test_1edtech_canonical_forms_and_hashes(ob_loader):
    values = read_json(OB / "values.json")
    hashed = proofs.hash_data(
        read_json(OB / "unsigned.json"), read_json(OB / "proof-options.json"), ob_loader
    )

    assert hashed.canonical_document == (OB / "document-canon.nq").read_text()
    assert hashed.canonical_proof_config == (OB / "proof-canon.nq").read_text()
    assert hashed.document_hash.hex() == values["documentHashHex"]
    assert hashed.proof_config_hash.hex() == values["proofHashHex"]
    assert hashed.data.hex() == values["dataToSignHex"]


def test_1edtech_signature_and_proof_value(ob_loader):
    values = read_json(OB / "values.json")
    key = keys.signing_key_from_seed(bytes.fromhex(values["privateKeyHex"])[:32])
    options = read_json(OB / "proof-options.json")

    signed = proofs.sign(
        read_json(OB / "unsigned.json"),
        key,
        options["verificationMethod"],
        options["created"],
        loader=ob_loader,
    )

    proof_value = signed["proof"]["proofValue"]
    assert multibase.decode_base58btc(proof_value).hex() == values["signatureHex"]
    assert proof_value == values["proofValue"]
    assert signed["proof"] == {**options, "proofValue": values["proofValue"]}


def test_1edtech_signed_credential_verifies(ob_loader):
    values = read_json(OB / "values.json")
    options = read_json(OB / "proof-options.json")
    signed = {
        **read_json(OB / "unsigned.json"),
        "proof": {**options, "proofValue": values["proofValue"]},
    }
    public_key = keys.public_key_from_multibase(values["publicKeyMultibase"])

    def resolve(method):
        return public_key if method == options["verificationMethod"] else None

    assert proofs.verify(signed, resolve, loader=ob_loader).verified


def test_w3c_vector(w3c_loader):
    values = read_json(W3C / "values.json")
    pair = read_json(W3C / "key-pair.json")
    secret = multibase.decode_base58btc(pair["privateKeyMultibase"])
    assert secret[:2] == b"\x80\x26"  # multicodec ed25519-priv (0x1300)
    key = keys.signing_key_from_seed(secret[2:])
    assert key.public_multibase == pair["publicKeyMultibase"]
    signed = read_json(W3C / "signed.json")
    unsigned = {name: value for name, value in signed.items() if name != "proof"}
    options = {name: value for name, value in signed["proof"].items() if name != "proofValue"}

    hashed = proofs.hash_data(unsigned, options, w3c_loader)
    resigned = proofs.sign(
        unsigned, key, options["verificationMethod"], options["created"], loader=w3c_loader
    )

    assert hashed.canonical_proof_config == (W3C / "proof-canon.nq").read_text()
    assert hashed.canonical_document == (W3C / "document-canon.nq").read_text()
    canonical = (W3C / "document-canon.nq").read_bytes()
    assert hashlib.sha256(canonical).hexdigest() == values["documentHashHex"]
    assert hashed.proof_config_hash.hex() == values["proofHashHex"]
    assert hashed.data.hex() == values["dataToSignHex"]
    assert resigned["proof"]["proofValue"] == values["proofValue"]
    assert resigned == signed
