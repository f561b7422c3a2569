"""Open Badges 3.0 credentials: the pure cryptographic core (no models, no views).

- ``loader``: the vendored JSON-LD contexts (``contexts/manifest.json``) and a static
  document loader that never fetches anything.
- ``keys``: the issuer's Ed25519 key (PEM), Multikey, ``did:web`` ids, the DID document.
- ``proofs``: ``eddsa-rdfc-2022`` Data Integrity ``sign`` and ``verify``.
- ``status_list``: W3C Bitstring Status List (revocation).
- ``openbadge``: the ``OpenBadgeCredential`` for a completed course.
- ``verification``: ``verify_credential``, the plain-English checks of a pasted credential.
"""
