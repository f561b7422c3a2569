"""W3C Bitstring Status List v1.0: revocation as one bit per credential.

The list is a bitstring of at least 131,072 bits (16 KiB, so that one credential's
index does not single it out); bit 0 is the most significant bit of the first byte. It
is published GZIP-compressed and multibase base64url-encoded (``u...``) inside a
``BitstringStatusListCredential``, which is signed like any credential
(``proofs.sign``). Each credential carries a ``BitstringStatusListEntry`` with its index.
"""

import datetime as dt
import gzip
import io
import zlib
from collections.abc import Mapping

from .loader import VC_V2
from .multibase import decode_base64url, encode_base64url
from .proofs import xsd_datetime

MIN_BITS = 131_072
MAX_DECODED_BYTES = 16 * 1024 * 1024  # refuse gzip bombs: far above any real list
REVOCATION = "revocation"


class StatusListError(ValueError):
    """A status list or entry is malformed; the message is for people."""


def new_bitstring(length: int = MIN_BITS) -> bytearray:
    """An all-zero (nothing revoked) bitstring of ``length`` bits, a multiple of 8."""
    if length < MIN_BITS or length % 8:
        raise ValueError(f"a status list has at least {MIN_BITS} bits, in whole bytes")
    return bytearray(length // 8)


def _check_index(index) -> None:
    if not isinstance(index, int) or isinstance(index, bool) or index < 0:
        raise StatusListError(f"a status list index is a whole number >= 0, not {index!r}")


def _locate(bits: bytes | bytearray, index: int) -> tuple[int, int]:
    _check_index(index)
    if index >= len(bits) * 8:
        raise StatusListError(f"index {index} is beyond the list's {len(bits) * 8} bits")
    return index // 8, 7 - index % 8


def get_bit(bits: bytes | bytearray, index: int) -> bool:
    byte, shift = _locate(bits, index)
    return bool(bits[byte] >> shift & 1)


def set_bit(bits: bytearray, index: int, value: bool = True) -> None:
    byte, shift = _locate(bits, index)
    if value:
        bits[byte] |= 1 << shift
    else:
        bits[byte] &= ~(1 << shift) & 0xFF


def encode(bits: bytes | bytearray) -> str:
    """``u`` + base64url (no padding) of the GZIP-compressed bitstring (deterministic)."""
    return encode_base64url(gzip.compress(bytes(bits), compresslevel=9, mtime=0))


def decode(encoded: str) -> bytearray:
    """The bitstring from an ``encodedList``; ``StatusListError`` when malformed."""
    try:
        compressed = decode_base64url(encoded)
    except (ValueError, TypeError) as exc:
        raise StatusListError("the encoded list is not multibase base64url ('u...')") from exc
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(compressed)) as fh:
            bits = fh.read(MAX_DECODED_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise StatusListError("the encoded list is not GZIP-compressed data") from exc
    if len(bits) > MAX_DECODED_BYTES:
        raise StatusListError("the encoded list is implausibly large")
    if len(bits) * 8 < MIN_BITS:
        raise StatusListError(f"the list has fewer than {MIN_BITS} bits")
    return bytearray(bits)


def status_list_credential(
    *,
    url: str,
    issuer: str,
    bits: bytes | bytearray,
    valid_from: dt.datetime | str,
    purpose: str = REVOCATION,
) -> dict:
    """The unsigned ``BitstringStatusListCredential`` published at ``url``."""
    return {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": xsd_datetime(valid_from),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encode(bits),
        },
    }


def status_list_entry(*, list_url: str, index: int, purpose: str = REVOCATION) -> dict:
    """The ``credentialStatus`` of the credential holding bit ``index`` of the list."""
    _check_index(index)
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def entry_status(entry: Mapping, list_credential: Mapping) -> bool:
    """Whether the entry's bit is set in the (already verified) list credential.

    Raises ``StatusListError`` when the entry and the list do not fit together: another
    list, another purpose, an index that is not a number or lies beyond the list.
    """
    if not isinstance(entry, Mapping) or entry.get("type") != "BitstringStatusListEntry":
        raise StatusListError("the credential's status is not a BitstringStatusListEntry")
    if entry.get("statusListCredential") != list_credential.get("id"):
        raise StatusListError("the status entry points to another status list")
    subject = list_credential.get("credentialSubject")
    types = list_credential.get("type") or []
    if "BitstringStatusListCredential" not in types or not isinstance(subject, Mapping):
        raise StatusListError("the status list is not a BitstringStatusListCredential")
    if subject.get("statusPurpose") != entry.get("statusPurpose"):
        raise StatusListError("the status entry and the status list have different purposes")
    index = entry.get("statusListIndex")
    if entry.get("statusSize", 1) not in (1, "1"):
        raise StatusListError("only one-bit statuses (statusSize 1) are understood")
    if not isinstance(index, str) or not (index.isascii() and index.isdecimal()):
        raise StatusListError(f"the status list index {index!r} is not a number")
    return get_bit(decode(subject.get("encodedList")), int(index))
