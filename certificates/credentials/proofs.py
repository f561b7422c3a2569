"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (W3C vc-di-eddsa).

Signing: the proof options (with the document's ``@context``) and the document without
its proof are each canonicalised with RDFC-1.0 and hashed with SHA-256; the Ed25519
signature of ``proofConfigHash + transformedDocumentHash`` is the ``proofValue``
(multibase base58btc).

Canonicalisation runs in "safe mode", as Digital Bazaar's verifier does: a property or
type the contexts do not define is an error rather than being silently left out of what
is signed. Verification never raises on bad input: it returns a ``ProofCheck`` naming
the check that failed.
"""

import copy
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyld.jsonld import IdentifierIssuer, JsonLdError, JsonLdProcessor, _is_absolute_iri

from .keys import SigningKey
from .loader import StaticLoader, default_loader
from .multibase import decode_base58btc, encode_base58btc

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"


class CanonicalizationError(Exception):
    """The document cannot be read as linked data (unknown context, undefined term...)."""


class Failure(StrEnum):
    MALFORMED = "malformed"
    MISSING_PROOF = "missing-proof"
    UNSUPPORTED_PROOF = "unsupported-proof"
    WRONG_CRYPTOSUITE = "wrong-cryptosuite"
    WRONG_PURPOSE = "wrong-purpose"
    UNKNOWN_KEY = "unknown-key"
    UNREADABLE = "unreadable"
    BAD_SIGNATURE = "bad-signature"


@dataclass(frozen=True)
class ProofCheck:
    verified: bool
    failure: Failure | None
    message: str
    verification_method: str | None = None

    def __bool__(self):
        return self.verified


@dataclass(frozen=True)
class HashData:
    canonical_proof_config: str
    canonical_document: str

    @property
    def proof_config_hash(self) -> bytes:
        return hashlib.sha256(self.canonical_proof_config.encode()).digest()

    @property
    def document_hash(self) -> bytes:
        return hashlib.sha256(self.canonical_document.encode()).digest()

    @property
    def data(self) -> bytes:
        return self.proof_config_hash + self.document_hash


def _raise_dropped(expanded_property):
    raise CanonicalizationError(
        f"it uses a term its JSON-LD contexts do not define ({expanded_property!r})"
    )


def _check_iris(node):
    """Relative IRIs in @id/@type would vanish from the RDF: refuse them (safe mode)."""
    if isinstance(node, list):
        for item in node:
            _check_iris(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("@id", "@type"):
                for iri in value if isinstance(value, list) else [value]:
                    if isinstance(iri, str) and not (iri.startswith(("_:", "@")) or ":" in iri):
                        raise CanonicalizationError(f"it has an undefined type or id ({iri!r})")
            elif key != "@value":
                _check_iris(value)


_scoped_contexts: dict[tuple, tuple] = {}
_SCOPED_CONTEXTS_MAX = 512


class _Processor(JsonLdProcessor):
    """pyld's processor, remembering the contexts it builds from embedded (type- and
    property-scoped) contexts. pyld caches a context it builds from a context URL, but
    builds a type-scoped one (credentialSubject's, the achievement's, the status entry's:
    about 120 term definitions a credential) again for every document, because it clones
    the active context first and the clone gets a new id. Building is a function of the
    active context (by its id), the embedded context (the same object, held by the cached
    contexts), the flags and the options, and its result is frozen, so it is shared.

    Used for signing our own credentials only: an entry holds its embedded context, and a
    pasted document's own embedded contexts are not worth keeping."""

    def _process_context(self, active_ctx, local_ctx, options, override_protected=False,
                         propagate=True, validate_scoped=True, cycles=None):
        uuid = active_ctx.get("_uuid") if isinstance(active_ctx, dict) else None
        if uuid is None or not isinstance(local_ctx, dict):
            return super()._process_context(active_ctx, local_ctx, options, override_protected,
                                            propagate, validate_scoped, cycles)
        key = (uuid, id(local_ctx), override_protected, propagate, validate_scoped,
               id(options.get("documentLoader")), options.get("base"),
               options.get("processingMode"))
        held = _scoped_contexts.get(key)
        if held is not None and held[0] is local_ctx:
            return held[1]
        built = super()._process_context(active_ctx, local_ctx, options, override_protected,
                                         propagate, validate_scoped, cycles)
        if len(_scoped_contexts) >= _SCOPED_CONTEXTS_MAX:
            _scoped_contexts.clear()
        # local_ctx is held so that its id is not reused while the entry exists.
        _scoped_contexts[key] = (local_ctx, built)
        return built


def canonicalize(document: dict, loader: StaticLoader | None = None, *,
                 ours: bool = False) -> str:
    """RDFC-1.0 canonical N-Quads of a JSON-LD document, with the static loader only.
    `ours`: a document this academy built (signing), whose scoped contexts are kept."""
    options = {
        **(loader or default_loader()).jsonld_options(),
        "algorithm": "URDNA2015",  # RDFC-1.0 is URDNA2015 under its standard's name
        "format": "application/n-quads",
        # No base IRI: a relative id or type stays relative (and is refused below), as in
        # jsonld.js; pyld would otherwise resolve it against http://example.org/base/.
        "base": None,
    }
    processor = (_Processor if ours else JsonLdProcessor)(on_property_dropped=_raise_dropped)
    try:
        expanded = processor.expand(document, options)
        _check_iris(expanded)
        return processor.normalize(_expanded_to_nquads(processor, expanded), {
            **options, "inputFormat": "application/n-quads"})
    except JsonLdError as exc:
        raise CanonicalizationError(_reason(exc)) from exc


RDF_OPTIONS = {"produceGeneralizedRdf": False, "processingMode": "json-ld-1.1"}  # to_rdf's


def _expanded_to_nquads(processor: JsonLdProcessor, expanded) -> str:
    """pyld's to_rdf without its first step: `normalize(expanded)` would expand the
    document a second time (a third of signing's time). The same node map and RDF
    conversion as to_rdf; the vectors in tests/certificates/vectors pin the result."""
    issuer = IdentifierIssuer("_:b")
    node_map = {"@default": {}}
    processor._create_node_map(expanded, node_map, "@default", issuer)
    dataset = {
        name: processor._graph_to_rdf(graph, issuer, RDF_OPTIONS)
        for name, graph in sorted(node_map.items())
        if name == "@default" or _is_absolute_iri(name)  # as to_rdf: no relative graph names
    }
    return JsonLdProcessor.to_nquads(dataset)


def _reason(exc: BaseException) -> str:
    """The innermost cause, in words (pyld wraps a loader's error in its own)."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    if isinstance(exc, JsonLdError):
        return str(exc.args[0]) if exc.args else exc.type
    return str(exc)


def hash_data(unsecured_document: dict, proof_options: dict, loader=None, *,
              reuse_proof_config=False) -> HashData:
    """The canonical forms behind ``proofConfigHash + transformedDocumentHash``.
    `reuse_proof_config` (signing our own document): see `_canonical_proof_config`; the
    document's scoped contexts are kept (`_Processor`)."""
    proof_config = {k: v for k, v in proof_options.items() if k != "proofValue"}
    proof_config["@context"] = unsecured_document.get("@context")
    canonical = _canonical_proof_config if reuse_proof_config else canonicalize
    return HashData(
        canonical_proof_config=canonical(proof_config, loader),
        canonical_document=canonicalize(unsecured_document, loader, ours=reuse_proof_config),
    )


XSD_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
_PLACEHOLDER = "2000-01-01T00:00:00Z"
_proof_configs: dict[str, str] = {}


def _canonical_proof_config(proof_config: dict, loader=None) -> str:
    """The proof options' canonical N-Quads, from a cached one with only `created` put in.

    Sound because the options are one blank node (always _:c14n0) with one value per
    predicate: canonical lines sort by predicate before they reach the literal, so the
    date changes nothing but itself. Anything else (another loader, an odd date) takes the
    full path; tests/certificates/test_credentials_proofs.py compares both."""
    created = proof_config.get("created")
    if loader is not None or not (isinstance(created, str) and XSD_DATETIME.fullmatch(created)):
        return canonicalize(proof_config, loader)
    template = {**proof_config, "created": _PLACEHOLDER}
    key = json.dumps(template, sort_keys=True)
    cached = _proof_configs.get(key)
    if cached is None:
        cached = canonicalize(template)
        if len(_proof_configs) > 64:
            _proof_configs.clear()
        _proof_configs[key] = cached
    if cached.count(f'"{_PLACEHOLDER}"') != 1:  # not the one literal it should be
        return canonicalize(proof_config, loader)
    return cached.replace(f'"{_PLACEHOLDER}"', f'"{created}"')


def xsd_datetime(value: dt.datetime | str) -> str:
    if isinstance(value, str):
        return value
    if value.tzinfo is None:
        raise ValueError(f"a credential date needs a time zone: {value!r}")
    return value.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def sign(
    document: dict,
    key: SigningKey,
    verification_method: str,
    created: dt.datetime | str,
    proof_purpose: str = "assertionMethod",
    *,
    loader: StaticLoader | None = None,
) -> dict:
    """A copy of ``document`` with an ``eddsa-rdfc-2022`` proof (an existing one replaced)."""
    unsecured = {k: copy.deepcopy(v) for k, v in document.items() if k != "proof"}
    proof = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": xsd_datetime(created),
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
    }
    signature = key.sign(hash_data(unsecured, proof, loader, reuse_proof_config=True).data)
    return {**unsecured, "proof": {**proof, "proofValue": encode_base58btc(signature)}}


def _words(exc: Exception) -> str:
    return str(exc).rstrip(".") or type(exc).__name__


def _fail(failure: Failure, message: str, method: str | None = None) -> ProofCheck:
    return ProofCheck(False, failure, message, method)


def verify(
    document,
    resolve_key: Callable[[str], Ed25519PublicKey | None],
    *,
    proof_purpose: str = "assertionMethod",
    loader: StaticLoader | None = None,
) -> ProofCheck:
    """Check the document's single ``eddsa-rdfc-2022`` proof; never raises on bad input."""
    try:
        return _verify(document, resolve_key, proof_purpose, loader)
    except Exception as exc:  # noqa: BLE001 - a verifier answers, whatever it is given
        return _fail(Failure.MALFORMED, f"The document could not be checked: {_words(exc)}.")


def _verify(document, resolve_key, proof_purpose, loader) -> ProofCheck:
    if not isinstance(document, dict):
        return _fail(Failure.MALFORMED, "This is not a JSON object.")
    if "@context" not in document:
        return _fail(Failure.MALFORMED, "This JSON has no @context: it is not linked data.")
    proof = document.get("proof")
    if proof is None:
        return _fail(Failure.MISSING_PROOF, "There is no proof (signature) in this document.")
    if isinstance(proof, list):
        if len(proof) != 1:
            return _fail(Failure.UNSUPPORTED_PROOF, "Only documents with one proof are checked.")
        proof = proof[0]
    if not isinstance(proof, dict) or proof.get("type") != PROOF_TYPE:
        return _fail(Failure.UNSUPPORTED_PROOF, f"The proof is not a {PROOF_TYPE}.")
    if proof.get("cryptosuite") != CRYPTOSUITE:
        return _fail(
            Failure.WRONG_CRYPTOSUITE,
            f"The proof uses cryptosuite {proof.get('cryptosuite')!r}, not {CRYPTOSUITE!r}.",
        )
    if proof.get("proofPurpose") != proof_purpose:
        return _fail(Failure.WRONG_PURPOSE, f"The proof's purpose is not {proof_purpose!r}.")
    method = proof.get("verificationMethod")
    if not isinstance(method, str):
        return _fail(Failure.MALFORMED, "The proof names no verification method (key).")
    try:
        signature = decode_base58btc(proof.get("proofValue"))
    except ValueError:
        signature = b""
    if len(signature) != 64:
        return _fail(Failure.MALFORMED, "The proofValue is not an Ed25519 signature.", method)
    if "@context" in proof and not _starts_with(document["@context"], proof["@context"]):
        return _fail(Failure.MALFORMED, "The proof's @context differs from the document's.")
    public_key = resolve_key(method)
    if public_key is None:
        return _fail(Failure.UNKNOWN_KEY, f"The signing key {method} is not known.", method)
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    options = {k: v for k, v in proof.items() if k != "@context"}
    try:
        data = hash_data(unsecured, options, loader).data
    except CanonicalizationError as exc:
        return _fail(Failure.UNREADABLE, f"It cannot be read as linked data: {_words(exc)}.")
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        return _fail(
            Failure.BAD_SIGNATURE,
            "The signature does not match: the document was changed after signing "
            "or signed with another key.",
            method,
        )
    return ProofCheck(True, None, "The signature is valid.", method)


def _starts_with(context, prefix) -> bool:
    context = context if isinstance(context, list) else [context]
    prefix = prefix if isinstance(prefix, list) else [prefix]
    return context[: len(prefix)] == prefix
