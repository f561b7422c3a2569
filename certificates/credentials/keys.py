"""The issuer's Ed25519 keys: loading, Multikey form, ``did:web`` ids, the DID document.

Storage format (one, on purpose): the private key is PEM-encoded PKCS#8, as written by
``openssl genpkey -algorithm ed25519`` or ``generate_key_file``. It is read either from an
environment variable holding the PEM text (``CREDENTIALS_SIGNING_KEY``; literal ``\\n``
sequences are accepted for platforms that keep variables on one line) or from a file
whose path another variable names (``CREDENTIALS_SIGNING_KEY_FILE``).

Key ids are ``did:web:<host>#<publicKeyMultibase>``: the fragment is the key itself, so a
rotation never reuses an id and needs no counter. The DID document lists the current key
and every retired public key under both ``verificationMethod`` and ``assertionMethod``,
so credentials signed before a rotation keep verifying.
"""

import logging
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .loader import DID_V1, MULTIKEY_V1
from .multibase import decode_base58btc, encode_base58btc

log = logging.getLogger(__name__)

ENV_KEY = "CREDENTIALS_SIGNING_KEY"
ENV_KEY_FILE = "CREDENTIALS_SIGNING_KEY_FILE"
ED25519_PUB_HEADER = b"\xed\x01"  # multicodec ed25519-pub, as an unsigned varint


class SigningKeyError(Exception):
    """The signing key is missing or unreadable; the message says what to fix."""


@dataclass(frozen=True)
class SigningKey:
    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def public_multibase(self) -> str:
        return public_key_multibase(self.public_key)

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)

    def key_id(self, host: str) -> str:
        return key_id(host, self.public_multibase)

    def to_pem(self) -> bytes:
        return self.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )


def signing_key_from_seed(seed: bytes) -> SigningKey:
    """The key for a 32-byte Ed25519 seed (test vectors give keys this way)."""
    return SigningKey(Ed25519PrivateKey.from_private_bytes(seed))


def generate_signing_key() -> SigningKey:
    return SigningKey(Ed25519PrivateKey.generate())


def load_signing_key(
    *, pem: str | bytes | None = None, path: str | Path | None = None
) -> SigningKey:
    """Read a PEM (PKCS#8) Ed25519 private key from text or from a file."""
    if (pem is None) == (path is None):
        raise ValueError("give exactly one of pem= or path=")
    where = "the environment" if pem is not None else str(path)
    try:
        data = Path(path).read_bytes() if path is not None else pem
    except OSError as exc:
        raise SigningKeyError(f"Cannot read the signing key file {path}: {exc.strerror}.") from exc
    if isinstance(data, str):
        data = data.replace("\\n", "\n").encode()
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(
            f"The signing key from {where} is not an unencrypted PEM private key."
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"The signing key from {where} is not an Ed25519 key.")
    return SigningKey(key)


def load_signing_key_from_env(environ: Mapping[str, str] = os.environ) -> SigningKey:
    """The key from ``CREDENTIALS_SIGNING_KEY`` (PEM text) or ``..._FILE`` (a path)."""
    if environ.get(ENV_KEY):
        return load_signing_key(pem=environ[ENV_KEY])
    if environ.get(ENV_KEY_FILE):
        return load_signing_key(path=environ[ENV_KEY_FILE])
    raise SigningKeyError(f"No signing key: set {ENV_KEY} (PEM text) or {ENV_KEY_FILE} (a path).")


def generate_key_file(path: str | Path) -> SigningKey:
    """Development convenience: the key in ``path``, generated (mode 0600) if missing.

    The caller decides when this is allowed (never in production); creating a key is
    logged at WARNING, since credentials signed with it verify only against it.
    """
    path = Path(path)
    if path.exists():
        return load_signing_key(path=path)
    key = generate_signing_key()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key.to_pem())
    log.warning(
        "Generated a new credential signing key %s in %s (development only).",
        key.public_multibase,
        path,
    )
    return key


def public_key_multibase(public_key: Ed25519PublicKey) -> str:
    """Multikey form: base58btc of the multicodec header 0xed01 and the 32 key bytes."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return encode_base58btc(ED25519_PUB_HEADER + raw)


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    """The inverse; raises ``ValueError`` for anything but an Ed25519 Multikey."""
    data = decode_base58btc(value)
    if len(data) != 34 or not data.startswith(ED25519_PUB_HEADER):
        raise ValueError("not an Ed25519 Multikey public key")
    return Ed25519PublicKey.from_public_bytes(data[2:])


def did_web(host: str) -> str:
    """``did:web`` for a host name, a port percent-encoded (``localhost:8000``)."""
    host = host.strip().lower().rstrip("/")
    if not host or "/" in host:
        raise ValueError(f"not a host name: {host!r}")
    return "did:web:" + quote(host, safe=".-")


def key_id(host: str, public_multibase: str) -> str:
    return f"{did_web(host)}#{public_multibase}"


def did_document(host: str, current: SigningKey | str, retired: Iterable[str] = ()) -> dict:
    """The DID document for ``/.well-known/did.json``: current key first, then retired ones.

    ``current`` is the signing key or its public Multikey; ``retired`` are the public
    Multikey values of earlier keys (duplicates and the current key are skipped).
    """
    did = did_web(host)
    current_mb = current.public_multibase if isinstance(current, SigningKey) else current
    keys = list(dict.fromkeys([current_mb, *retired]))
    for value in keys:
        public_key_from_multibase(value)  # refuse to publish a broken key
    methods = [
        {"id": f"{did}#{mb}", "type": "Multikey", "controller": did, "publicKeyMultibase": mb}
        for mb in keys
    ]
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


def key_resolver(
    did_doc: Mapping, relationship: str = "assertionMethod"
) -> Callable[[str], Ed25519PublicKey | None]:
    """``resolve_key`` for ``proofs.verify``: the keys a DID document lists for a purpose.

    A verification method resolves only when the document both describes it and names it
    under ``relationship``; anything else (another controller, a malformed key) is None.
    """

    def absolute(ref) -> str | None:
        if isinstance(ref, Mapping):
            ref = ref.get("id")
        if not isinstance(ref, str):
            return None
        return f"{did_doc.get('id')}{ref}" if ref.startswith("#") else ref

    def resolve(verification_method: str) -> Ed25519PublicKey | None:
        try:
            authorised = {absolute(ref) for ref in did_doc.get(relationship) or ()}
            if verification_method not in authorised:
                return None
            embedded = [m for m in did_doc.get(relationship) or () if isinstance(m, Mapping)]
            for method in [*(did_doc.get("verificationMethod") or ()), *embedded]:
                if absolute(method) == verification_method:
                    if method.get("type") != "Multikey":
                        return None
                    return public_key_from_multibase(method.get("publicKeyMultibase"))
        except (AttributeError, TypeError, ValueError):
            return None
        return None

    return resolve
