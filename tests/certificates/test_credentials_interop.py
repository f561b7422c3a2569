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
from certificates.services import certificate_issue, certificate_revoke
from cohorts.models import EnrollmentStatus
from tests.certificates.credentials_helpers import HOST, REVOKED_INDEX, Issuance
from tests.conftest import UserFactory

from .conftest import enroll

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


@pytest.mark.django_db
def test_a_certificate_issued_through_the_app_verifies_in_node_then_shows_revoked(
    node, tmp_path, client, finished_cohort, facilitator, staff,
    django_capture_on_commit_callbacks,
):
    """The real flow: issue -> the render task (PDF and credential) -> the public URLs,
    checked by Digital Bazaar's verifier; then revoked through the service."""
    enrollment = enroll(finished_cohort, UserFactory(), status=EnrollmentStatus.COMPLETED)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(enrollment=enrollment, actor=facilitator)
    credential = client.get(f"/certificates/{certificate.code}/credential.json").json()
    status_url = credential["credentialStatus"]["statusListCredential"]
    assert credential["credentialSubject"]["achievement"]["inLanguage"] == "en"

    def published():
        did_document = client.get("/.well-known/did.json").json()
        lists = [client.get(status_url.removeprefix("http://127.0.0.1:8000")).json()]
        return did_document, lists

    result = node_verify(node, tmp_path, credential, *published())
    assert result == {"verified": True, "revoked": False, "errors": []}

    tampered = copy.deepcopy(credential)
    tampered["credentialSubject"]["creditsEarned"] = 99
    result = node_verify(node, tmp_path, tampered, *published())
    assert result["verified"] is False and "Invalid signature." in result["errors"]

    certificate_revoke(certificate=certificate, actor=staff, reason="Issued in error.")
    result = node_verify(node, tmp_path, credential, *published())
    assert result == {"verified": True, "revoked": True, "errors": []}
