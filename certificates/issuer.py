"""The academy as an Open Badges issuer: its signing key, retired keys and DID document.

Configuration only (settings and files, no database): `certificates.credentials` holds the
cryptography, `certificates.services` issues, re-issues and revokes.

- The current key: `CREDENTIALS_SIGNING_KEY` (PEM text) or `CREDENTIALS_SIGNING_KEY_FILE`
  (a path). Without either, a development key is generated on first use in
  `CREDENTIALS_DEV_KEY_FILE` (logged at WARNING); `check --deploy` refuses it.
- Retired keys (public Multikey values): `CREDENTIALS_RETIRED_KEYS` and the lines of the
  retired-keys file (`CREDENTIALS_RETIRED_KEYS_FILE`, default the key file + ".retired").
- The issuer is `did:web:<SITE_URL's host>`; its document lists the current key first,
  then the retired ones, so credentials signed before a rotation keep verifying.

A key file is re-read when it changes (its modification time), so web processes publish
the new key as soon as `rotate_credential_key` has written it.
"""

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.templatetags.static import static

from .credentials import keys
from .credentials.keys import SigningKey, SigningKeyError

__all__ = ["SigningKeyError", "KeySource", "key_source", "signing_key", "retired_keys",
           "did", "did_document", "issuer_host", "retired_keys_file", "issuer_image_url"]

_lock = threading.Lock()
_cache: dict = {}


@dataclass(frozen=True)
class KeySource:
    kind: str  # "environment", "file" or "development"
    path: Path | None = None

    @property
    def is_development(self) -> bool:
        return self.kind == "development"

    def describe(self) -> str:
        if self.kind == "environment":
            return "the CREDENTIALS_SIGNING_KEY environment variable"
        label = "development key file (DEVELOPMENT ONLY)" if self.is_development else "key file"
        return f"the {label} {self.path}"


def key_source() -> KeySource:
    if settings.CREDENTIALS_SIGNING_KEY:
        return KeySource("environment")
    if settings.CREDENTIALS_SIGNING_KEY_FILE:
        return KeySource("file", Path(settings.CREDENTIALS_SIGNING_KEY_FILE))
    return KeySource("development", Path(settings.CREDENTIALS_DEV_KEY_FILE))


def _mtime(path: Path) -> tuple | None:
    """What changes when the file is replaced (a new inode) or rewritten."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def signing_key() -> SigningKey:
    """The current signing key (raises SigningKeyError with what to fix)."""
    source = key_source()
    if source.kind == "environment":
        stamp = ("env", settings.CREDENTIALS_SIGNING_KEY)
    else:
        stamp = (str(source.path), _mtime(source.path))
    with _lock:
        cached = _cache.get("key")
        if cached and cached[0] == stamp:
            return cached[1]
        if source.kind == "environment":
            key = keys.load_signing_key(pem=settings.CREDENTIALS_SIGNING_KEY)
        elif source.kind == "file":
            key = keys.load_signing_key(path=source.path)
        else:
            key = keys.generate_key_file(source.path)
            stamp = (str(source.path), _mtime(source.path))
        _cache["key"] = (stamp, key)
        return key


def retired_keys_file() -> Path | None:
    if settings.CREDENTIALS_RETIRED_KEYS_FILE:
        return Path(settings.CREDENTIALS_RETIRED_KEYS_FILE)
    source = key_source()
    if source.path is None:
        return None
    return source.path.with_name(source.path.name + ".retired")


def retired_keys() -> list[str]:
    """Public Multikey values of earlier keys, oldest first, without duplicates."""
    values = [value.strip() for value in settings.CREDENTIALS_RETIRED_KEYS if value.strip()]
    path = retired_keys_file()
    if path is not None and path.exists():
        for line in path.read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                values.append(line)
    return list(dict.fromkeys(values))


def add_retired_key(public_multibase: str) -> Path:
    """Append a public key to the retired-keys file (created if missing)."""
    path = retired_keys_file()
    if path is None:
        raise SigningKeyError("No retired-keys file: set CREDENTIALS_RETIRED_KEYS_FILE.")
    keys.public_key_from_multibase(public_multibase)  # never write a broken key
    if public_multibase not in retired_keys():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a") as fh:
            fh.write(public_multibase + "\n")
    return path


def write_key_file(path: Path, key: SigningKey) -> None:
    """Replace the key file atomically (a reader sees the old key or the new, whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key.to_pem())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temporary, path)


def issuer_host() -> str:
    """SITE_URL's host (with its port, if any): the did:web of the academy."""
    return urlsplit(settings.SITE_URL).netloc


def did() -> str:
    return keys.did_web(issuer_host())


def did_document() -> dict:
    return keys.did_document(issuer_host(), signing_key(), retired_keys())


def issuer_image_url() -> str:
    url = static("img/logo.svg")
    return url if url.startswith("http") else settings.SITE_URL + url
