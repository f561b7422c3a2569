"""A static JSON-LD document loader: the vendored contexts, nothing from the network.

``document_loader`` serves the contexts listed in ``contexts/manifest.json``; any other
URL raises ``DocumentNotHeld`` (pyld reports it as a failed context load). Tests and
verifiers that need more documents (old contexts of a test vector, a DID document) build
their own loader with ``make_loader(extra={url: document})``.

Each loader keeps its own cache of processed contexts, so two loaders that hold
different documents never see each other's, and the expensive context processing is
done once per loader, not once per signature.
"""

import copy
import json
import threading
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pyld.context_resolver
from cachetools import LRUCache
from pyld.context_resolver import ContextResolver

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DID_V1 = "https://www.w3.org/ns/did/v1"


_jcs = pyld.context_resolver.canonicalize


def context_cache_key(context) -> bytes:
    """pyld keys its cache of inline (type-scoped) contexts with the JSON Canonicalization
    Scheme, in pure Python, a dozen times per credential (a tenth of signing). A cache key
    needs only to be the same for the same context and different otherwise: sorted
    `json.dumps` (in C) is. Only the resolver's keys change; canonicalising RDF JSON
    literals in pyld.jsonld still uses JCS."""
    try:
        return json.dumps(context, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                          default=dict).encode()
    except (TypeError, ValueError):
        return _jcs(context)


pyld.context_resolver.canonicalize = context_cache_key


class DocumentNotHeld(Exception):
    """A document was asked for that is not held locally; nothing is ever fetched."""

    def __init__(self, url):
        self.url = url
        super().__init__(
            f"{url!r} is not one of the JSON-LD documents held locally "
            "(certificates/credentials/contexts/manifest.json); nothing is fetched "
            "from the network"
        )


@cache
def vendored_contexts() -> Mapping[str, dict]:
    """URL -> parsed context, read once from the contexts folder."""
    manifest = json.loads((CONTEXTS_DIR / "manifest.json").read_text())
    return {
        entry["url"]: json.loads((CONTEXTS_DIR / entry["file"]).read_text())
        for entry in manifest["contexts"]
    }


class _LockedLRU(LRUCache):
    """pyld's context cache, safe to share between threads (a worker may run several)."""

    def __init__(self, maxsize: int):
        super().__init__(maxsize=maxsize)
        self._lock = threading.RLock()

    def __getitem__(self, key):
        with self._lock:
            return super().__getitem__(key)

    def __setitem__(self, key, value):
        with self._lock:
            super().__setitem__(key, value)

    def get(self, key, default=None):
        with self._lock:
            return super().get(key, default)


class StaticLoader:
    """A pyld document loader over a fixed set of documents (callable as pyld expects)."""

    def __init__(self, documents: Mapping[str, dict]):
        self.documents = dict(documents)
        self._resolved = _LockedLRU(maxsize=100)

    def __call__(self, url: str, options: dict | None = None) -> dict:
        try:
            document = self.documents[url]
        except (KeyError, TypeError):
            raise DocumentNotHeld(url) from None
        # "static": pyld keeps the processed context in the shared cache (these documents
        # never change); without a tag it would process it again for every expansion.
        return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(document),
                "tag": "static"}

    def jsonld_options(self) -> dict:
        """Options for pyld calls: this loader plus its own resolved-context cache."""
        return {"documentLoader": self, "contextResolver": ContextResolver(self._resolved, self)}


def make_loader(extra: Mapping[str, dict] | None = None) -> StaticLoader:
    """A loader holding the vendored contexts plus ``extra`` (URL -> JSON document)."""
    return StaticLoader({**vendored_contexts(), **(extra or {})})


@cache
def default_loader() -> StaticLoader:
    """The shared loader over the vendored contexts (its context cache lives as long)."""
    return make_loader()


def document_loader(url: str, options: dict | None = None) -> dict:
    """Plain function form of the default loader, for code that wants a pyld loader."""
    return default_loader()(url, options)
