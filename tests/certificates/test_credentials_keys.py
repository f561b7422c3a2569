"""Issuer keys: PEM loading, Multikey form, did:web ids, the DID document with rotation."""

import logging
import stat

import pytest

from certificates.credentials import keys, multibase


def test_base58_round_trip_keeps_leading_zero_bytes():
    for data in (b"", b"\0", b"\0\0\x01", bytes(range(256)), b"hello"):
        assert multibase.b58decode(multibase.b58encode(data)) == data
    assert multibase.b58encode(b"hello world") == "StV1DL6CwTryKyV"


def test_multibase_refuses_wrong_prefix_and_alphabet():
    for bad in ("", "u123", "z0OIl", None):
        with pytest.raises(ValueError):
            multibase.decode_base58btc(bad)
    for bad in ("", "zabc", "u+/=", "ué"):
        with pytest.raises(ValueError):
            multibase.decode_base64url(bad)


def test_public_key_is_an_ed25519_multikey():
    key = keys.signing_key_from_seed(bytes(32))
    value = key.public_multibase

    assert value.startswith("z6Mk")
    assert multibase.decode_base58btc(value)[:2] == b"\xed\x01"
    assert keys.public_key_from_multibase(value).public_bytes_raw() == (
        key.public_key.public_bytes_raw()
    )
    with pytest.raises(ValueError):
        keys.public_key_from_multibase(multibase.encode_base58btc(b"\xec\x01" + bytes(32)))


def test_pem_from_text_with_escaped_newlines_and_from_file(tmp_path):
    key = keys.generate_signing_key()
    pem = key.to_pem().decode()
    path = tmp_path / "issuer.pem"
    path.write_text(pem)

    one_line = pem.replace("\n", "\\n")
    assert keys.load_signing_key(pem=one_line).public_multibase == key.public_multibase
    assert keys.load_signing_key(path=path).public_multibase == key.public_multibase
    from_env = keys.load_signing_key_from_env({keys.ENV_KEY_FILE: str(path)})
    assert from_env.public_multibase == key.public_multibase
    from_env = keys.load_signing_key_from_env({keys.ENV_KEY: pem})
    assert from_env.public_multibase == key.public_multibase


def test_unusable_keys_say_what_is_wrong(tmp_path):
    with pytest.raises(keys.SigningKeyError, match="No signing key"):
        keys.load_signing_key_from_env({})
    with pytest.raises(keys.SigningKeyError, match="Cannot read"):
        keys.load_signing_key(path=tmp_path / "missing.pem")
    with pytest.raises(keys.SigningKeyError, match="not an unencrypted PEM"):
        keys.load_signing_key(pem="z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq")
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    other = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    with pytest.raises(keys.SigningKeyError, match="not an Ed25519 key"):
        keys.load_signing_key(pem=other)


def test_development_key_file_is_made_once_private_and_logged(tmp_path, caplog):
    path = tmp_path / "dev" / "credentials.pem"
    with caplog.at_level(logging.WARNING, logger="certificates.credentials.keys"):
        first = keys.generate_key_file(path)
    assert "Generated a new credential signing key" in caplog.text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="certificates.credentials.keys"):
        again = keys.generate_key_file(path)
    assert again.public_multibase == first.public_multibase
    assert caplog.text == ""


def test_did_web_encodes_a_port():
    assert keys.did_web("Academy.Example.org") == "did:web:academy.example.org"
    assert keys.did_web("localhost:8000") == "did:web:localhost%3A8000"
    with pytest.raises(ValueError):
        keys.did_web("example.org/path")


def test_did_document_lists_current_and_retired_keys_for_assertions():
    current, old = keys.generate_signing_key(), keys.generate_signing_key()
    doc = keys.did_document("academy.example.org", current, [old.public_multibase])

    did = "did:web:academy.example.org"
    assert doc["id"] == did
    assert doc["@context"] == [
        "https://www.w3.org/ns/did/v1",
        "https://w3id.org/security/multikey/v1",
    ]
    ids = [f"{did}#{current.public_multibase}", f"{did}#{old.public_multibase}"]
    assert [method["id"] for method in doc["verificationMethod"]] == ids
    assert doc["assertionMethod"] == ids
    assert doc["verificationMethod"][1] == {
        "id": ids[1],
        "type": "Multikey",
        "controller": did,
        "publicKeyMultibase": old.public_multibase,
    }


def test_key_resolver_needs_the_method_listed_for_the_purpose():
    key = keys.generate_signing_key()
    doc = keys.did_document("academy.example.org", key)
    method = key.key_id("academy.example.org")
    resolve = keys.key_resolver(doc)

    assert resolve(method).public_bytes_raw() == key.public_key.public_bytes_raw()
    assert resolve(method + "x") is None
    assert keys.key_resolver({**doc, "assertionMethod": []})(method) is None
    assert keys.key_resolver(doc, "authentication")(method) is None
    relative = {**doc, "assertionMethod": [f"#{key.public_multibase}"]}
    assert keys.key_resolver(relative)(method) is not None
    broken = {**doc, "verificationMethod": [{"id": method, "type": "Multikey"}]}
    assert keys.key_resolver(broken)(method) is None
