#!/usr/bin/env node
// Verify an academy credential with Digital Bazaar's libraries, entirely offline.
//
//   node interop/verify.mjs INPUT.json        (or "-" to read standard input)
//
// INPUT is {"credential": {...}, "didDocument": {...}, "statusListCredentials": [...]}.
// Every JSON-LD document comes from a static loader: the contexts vendored in
// certificates/credentials/contexts (listed in its manifest.json), the given DID document
// (and each of its verification methods by id) and the given status list credentials.
// Any other URL is refused; nothing is fetched from the network.
//
// Prints one JSON object: {"verified": bool, "revoked": bool|null, "errors": [...]}.
// "verified" is the proof check (the credential's and its status list's signatures);
// "revoked" is the status list bit (null when the status could not be checked).
// Exit status 0 when an answer was printed, 2 when the input could not be read.

import {readFile} from 'node:fs/promises';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';

const CONTEXTS = new URL('../certificates/credentials/contexts/', import.meta.url);

async function vendoredContexts() {
  const manifest = JSON.parse(await readFile(new URL('manifest.json', CONTEXTS), 'utf8'));
  const entries = await Promise.all(manifest.contexts.map(async ({url, file}) =>
    [url, JSON.parse(await readFile(new URL(file, CONTEXTS), 'utf8'))]));
  return new Map(entries);
}

function staticLoader(documents) {
  return async url => {
    if(!documents.has(url)) {
      throw new Error(`${url} is not held locally; nothing is fetched from the network`);
    }
    return {contextUrl: null, documentUrl: url, document: structuredClone(documents.get(url))};
  };
}

function holdDidDocument(documents, didDocument) {
  documents.set(didDocument.id, didDocument);
  for(const method of didDocument.verificationMethod || []) {
    const id = method.id.startsWith('#') ? didDocument.id + method.id : method.id;
    documents.set(id, {'@context': didDocument['@context'], ...method, id});
  }
}

function messages(error) {
  if(!error) {
    return [];
  }
  const errors = Array.isArray(error) ? error : [error];
  // vc and jsonld-signatures nest causes in .errors and .cause, jsonld in .details.cause
  return errors.flatMap(e => [
    e.message || String(e),
    ...messages(e.errors || e.cause || (e.details && e.details.cause))
  ]);
}

async function verify({credential, didDocument, statusListCredentials = []}) {
  const documents = await vendoredContexts();
  holdDidDocument(documents, didDocument);
  for(const list of statusListCredentials) {
    documents.set(list.id, list);
  }
  const documentLoader = staticLoader(documents);
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const result = await vc.verifyCredential({
    credential, suite, documentLoader,
    checkStatus: options => checkStatus({...options, suite, documentLoader})
  });
  const errors = [
    ...messages(result.error),
    ...(result.results || []).flatMap(r => messages(r.error)),
    ...messages(result.statusResult && result.statusResult.error)
  ];
  const statuses = result.statusResult && result.statusResult.verified ?
    result.statusResult.results.map(r => r.status) : null;
  return {
    verified: result.verified,
    revoked: statuses && statuses.length ? statuses.some(Boolean) : null,
    errors: [...new Set(errors)]
  };
}

async function main() {
  const [source] = process.argv.slice(2);
  if(!source) {
    console.error('usage: node interop/verify.mjs INPUT.json (or - for standard input)');
    process.exit(2);
  }
  let input;
  try {
    const text = source === '-' ? await readStdin() : await readFile(source, 'utf8');
    input = JSON.parse(text);
  } catch(e) {
    console.error(`cannot read ${source}: ${e.message}`);
    process.exit(2);
  }
  let output;
  try {
    output = await verify(input);
  } catch(e) {
    output = {verified: false, revoked: null, errors: messages(e)};
  }
  console.log(JSON.stringify(output));
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

main();
