#!/usr/bin/env bash
# Install the Debian packages the project needs, when they are missing.
#   libharfbuzz-subset0, libpango-1.0-0, libpangoft2-1.0-0: WeasyPrint (PDF certificates)
#   gettext: msgfmt, with which `compilemessages` builds the site's translations
#   chromium: browser tests (only with WITH_BROWSER=1)
#   wrk: the HTTP load generator of `make loadtest` (only with LOADTEST=1)
set -u
packages=(libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core gettext)
if [ "${WITH_BROWSER:-0}" = "1" ]; then packages+=(chromium); fi
if [ "${LOADTEST:-0}" = "1" ]; then packages+=(wrk); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "note: install these system packages for PDF certificates: ${missing[*]}" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "note: run as root to install: apt-get install -y ${missing[*]}" >&2
    exit 0
  fi
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
