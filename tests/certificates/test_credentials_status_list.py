"""Bitstring Status List: the bit encoding, the list credential, the entry check."""

import base64
import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certificates.credentials import status_list as sl

LIST_URL = "https://academy.example.org/credentials/status/1"


def test_a_new_list_is_16_kib_of_zeros_and_encodes_as_u_base64url():
    bits = sl.new_bitstring()
    encoded = sl.encode(bits)

    assert len(bits) * 8 == sl.MIN_BITS == 131_072
    assert encoded.startswith("u") and "=" not in encoded
    assert gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "==")) == bytes(16384)
    assert sl.encode(bits) == encoded  # deterministic (no gzip timestamp)
    with pytest.raises(ValueError):
        sl.new_bitstring(sl.MIN_BITS - 8)


def test_index_zero_is_the_leftmost_bit():
    bits = sl.new_bitstring()
    sl.set_bit(bits, 0)
    sl.set_bit(bits, 9)
    assert bits[:2] == b"\x80\x40"
    sl.set_bit(bits, 0, False)
    assert bits[0] == 0 and sl.get_bit(bits, 9)


@settings(max_examples=60, deadline=None)
@given(
    extra_bytes=st.integers(min_value=0, max_value=2048),
    data=st.data(),
)
def test_any_set_of_revoked_indexes_survives_encoding(extra_bytes, data):
    length = sl.MIN_BITS + 8 * extra_bytes
    revoked = data.draw(st.sets(st.integers(min_value=0, max_value=length - 1), max_size=200))
    bits = sl.new_bitstring(length)
    for index in revoked:
        sl.set_bit(bits, index)

    decoded = sl.decode(sl.encode(bits))

    assert decoded == bits
    assert all(sl.get_bit(decoded, index) for index in revoked)
    assert sum(byte.bit_count() for byte in decoded) == len(revoked)  # and no other bit


@settings(max_examples=60, deadline=None)
@given(index=st.integers(min_value=0, max_value=sl.MIN_BITS - 1), value=st.booleans())
def test_setting_one_bit_changes_only_that_bit(index, value):
    bits = sl.new_bitstring()
    if not value:
        bits[:] = b"\xff" * len(bits)
    before = bytes(bits)
    sl.set_bit(bits, index, value)
    assert sl.get_bit(bits, index) is value
    changed = [i for i, (a, b) in enumerate(zip(before, bits, strict=True)) if a != b]
    assert changed == [index // 8]


@pytest.mark.parametrize("index", [-1, sl.MIN_BITS, "3", 1.5, True])
def test_out_of_range_or_non_integer_indexes_are_refused(index):
    with pytest.raises(sl.StatusListError):
        sl.get_bit(sl.new_bitstring(), index)


@pytest.mark.parametrize(
    "encoded, words",
    [
        ("H4sIAAAAAAAA", "base64url"),  # no multibase prefix
        ("u!!!", "base64url"),
        ("u" + base64.urlsafe_b64encode(b"plain").decode().rstrip("="), "GZIP"),
        (sl.encode(b"\0" * 100), "fewer than"),
        (None, "base64url"),
    ],
)
def test_malformed_encoded_lists(encoded, words):
    with pytest.raises(sl.StatusListError, match=words):
        sl.decode(encoded)


def test_a_gzip_bomb_is_refused():
    bomb = sl.encode(bytes(sl.MAX_DECODED_BYTES + 1))
    with pytest.raises(sl.StatusListError, match="implausibly large"):
        sl.decode(bomb)


def test_list_credential_and_entry():
    bits = sl.new_bitstring()
    sl.set_bit(bits, 42)
    credential = sl.status_list_credential(
        url=LIST_URL,
        issuer="did:web:academy.example.org",
        bits=bits,
        valid_from="2025-01-01T00:00:00Z",
    )
    entry = sl.status_list_entry(list_url=LIST_URL, index=42)

    assert credential["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert credential["credentialSubject"] == {
        "id": f"{LIST_URL}#list",
        "type": "BitstringStatusList",
        "statusPurpose": "revocation",
        "encodedList": sl.encode(bits),
    }
    assert entry == {
        "id": f"{LIST_URL}#42",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "42",
        "statusListCredential": LIST_URL,
    }
    assert sl.entry_status(entry, credential) is True
    assert sl.entry_status(sl.status_list_entry(list_url=LIST_URL, index=41), credential) is False


@pytest.mark.parametrize(
    "change, words",
    [
        ({"statusListCredential": "https://other.example/list"}, "another status list"),
        ({"statusPurpose": "suspension"}, "different purposes"),
        ({"statusListIndex": "²"}, "not a number"),
        ({"statusListIndex": 5}, "not a number"),
        ({"statusListIndex": str(sl.MIN_BITS)}, "beyond"),
        ({"statusSize": 2}, "statusSize"),
        ({"type": "StatusList2021Entry"}, "BitstringStatusListEntry"),
    ],
)
def test_entries_that_do_not_fit_the_list(change, words):
    credential = sl.status_list_credential(
        url=LIST_URL, issuer="did:web:x", bits=sl.new_bitstring(), valid_from="2025-01-01T00:00:00Z"
    )
    entry = {**sl.status_list_entry(list_url=LIST_URL, index=1), **change}
    with pytest.raises(sl.StatusListError, match=words):
        sl.entry_status(entry, credential)
