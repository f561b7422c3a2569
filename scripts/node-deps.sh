#!/usr/bin/env bash
# Install the Node packages of the credentials interop harness (interop/), exactly as
# interop/package-lock.json pins them, with `npm ci`. Offline-safe: when node_modules
# already matches the lock file nothing is run, so a machine that installed them once
# needs no registry again. Needs Node.js 18+ and npm.
set -euo pipefail
cd "$(dirname "$0")/../interop"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "note: Node.js and npm are needed for the credentials interop test" \
    "(Debian: apt-get install nodejs npm); it skips without them" >&2
  [ "${INTEROP_REQUIRED:-0}" = "1" ] && exit 1
  exit 0
fi

stamp=node_modules/.academy-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
npm ci --no-audit --no-fund --prefer-offline --loglevel=error
echo "$want" > "$stamp"
