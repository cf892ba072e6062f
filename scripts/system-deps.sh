#!/usr/bin/env bash
# Debian packages the notebook and site tests need: Jupyter (nbconvert,
# nbclient, ipykernel) for the real notebook protocol, Chromium and fonts for
# the headless browser tests. Idempotent: installs only when something is
# missing, and only as root with apt-get; otherwise prints exactly what to
# install and exits 1.
#
#   scripts/system-deps.sh           install what is missing (as root)
#   scripts/system-deps.sh --check   only report
set -euo pipefail

PACKAGES=(jupyter-nbconvert python3-nbclient python3-ipykernel chromium fonts-dejavu-core fonts-liberation)
PYTHON=/usr/bin/python3

missing=()
have_package() {
  command -v dpkg-query >/dev/null 2>&1 && dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}
command -v jupyter-nbconvert >/dev/null 2>&1 || missing+=(jupyter-nbconvert)
{ [ -x "$PYTHON" ] && "$PYTHON" -c "import nbclient, nbformat, jupyter_client" >/dev/null 2>&1; } || missing+=(python3-nbclient)
{ [ -x "$PYTHON" ] && "$PYTHON" -c "import ipykernel" >/dev/null 2>&1; } || missing+=(python3-ipykernel)
[ -x /usr/bin/chromium ] || missing+=(chromium)
for font in fonts-dejavu-core fonts-liberation; do
  # Fonts can only be checked as packages (Debian); elsewhere they are left to the system.
  if command -v dpkg-query >/dev/null 2>&1 && ! have_package "$font"; then missing+=("$font"); fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "${1:-}" != "--check" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}"
  exit 0
fi
echo "system-deps: missing Debian packages: ${missing[*]}" >&2
echo "install them with: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
exit 1
