"""Interop: credentials issued here verify with Digital Bazaar's JavaScript libraries.

interop/verify.mjs runs @digitalbazaar/vc with the eddsa-rdfc-2022 cryptosuite and
@digitalbazaar/vc-bitstring-status-list, offline, on what the Python code issued. The
Node packages come from `bash scripts/node-deps.sh`; without them these tests are
skipped, unless INTEROP_REQUIRED=1 (CI), where that is a failure.
"""

import copy
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from certificates.credentials import keys, proofs
from tests.certificates.credentials_helpers import HOST, REVOKED_INDEX, Issuance

ROOT = Path(__file__).resolve().parents[2]
VERIFIER = ROOT / "interop" / "verify.mjs"
INSTALL = "bash scripts/node-deps.sh"


@pytest.fixture(scope="module")
def node():
    node = shutil.which("node")
    if node is None:
        missing = "Node.js is not installed (Debian: apt-get install nodejs npm)"
    elif not (ROOT / "interop" / "node_modules" / "@digitalbazaar" / "vc").is_dir():
        missing = f"the interop Node packages are not installed; run: {INSTALL}"
    else:
        return node
    if os.environ.get("INTEROP_REQUIRED") == "1":
        pytest.fail(f"INTEROP_REQUIRED=1 but {missing}")
    pytest.skip(missing)


@pytest.fixture(scope="module")
def issuance():
    return Issuance()


def node_verify(node, tmp_path, credential, did_document, lists) -> dict:
    path = tmp_path / "input.json"
    payload = {
        "credential": credential,
        "didDocument": did_document,
        "statusListCredentials": lists,
    }
    path.write_text(json.dumps(payload))
    done = subprocess.run(
        [node, str(VERIFIER), str(path)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_credential_issued_here_verifies_in_node(node, tmp_path, issuance):
    result = node_verify(
        node, tmp_path, issuance.credential(), issuance.did_document, [issuance.status_list()]
    )
    assert result == {"verified": True, "revoked": False, "errors": []}


def test_changed_hours_fail_in_node(node, tmp_path, issuance):
    tampered = copy.deepcopy(issuance.credential())
    tampered["credentialSubject"]["creditsEarned"] = 12

    result = node_verify(node, tmp_path, tampered, issuance.did_document, [issuance.status_list()])

    assert result["verified"] is False
    assert "Invalid signature." in result["errors"]


def test_a_revoked_credential_shows_as_revoked_in_node(node, tmp_path, issuance):
    revoked = issuance.credential(index=REVOKED_INDEX)

    result = node_verify(node, tmp_path, revoked, issuance.did_document, [issuance.status_list()])

    assert result == {"verified": True, "revoked": True, "errors": []}


def test_node_accepts_credentials_signed_before_a_key_rotation(node, tmp_path, issuance):
    new_key = keys.generate_signing_key()
    rotated = keys.did_document(HOST, new_key, retired=[issuance.key.public_multibase])
    new_list = proofs.sign(
        issuance.status_list(), new_key, new_key.key_id(HOST), "2025-06-01T00:00:00Z"
    )

    result = node_verify(node, tmp_path, issuance.credential(), rotated, [new_list])

    assert result == {"verified": True, "revoked": False, "errors": []}


def test_node_refuses_to_fetch_anything(node, tmp_path, issuance):
    credential = issuance.credential()
    credential["@context"] = [*credential["@context"], "https://example.org/unknown-context"]

    result = node_verify(node, tmp_path, credential, issuance.did_document, [])

    assert result["verified"] is False
    assert any("not held locally" in error for error in result["errors"]), result["errors"]
