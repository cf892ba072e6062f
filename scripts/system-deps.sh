#!/usr/bin/env bash
# Debian packages the project runs: Jupyter (nbconvert, nbclient, ipykernel,
# the jupyter and jupyter-kernelspec commands) for the notebooks through the
# real Jupyter protocol, Chromium and fonts for the headless browser tests,
# and, with --lab, Jupyter Notebook for `npm run lab`.
#
# Every command and Python module the tests, `npm run notebooks` and
# `npm run lab` call is checked by itself (not only its package), so a
# machine that has some of Jupyter but not all of it is caught too.
# Idempotent: installs only what is missing, and only as root with apt-get;
# otherwise prints exactly what to install and exits 1.
#
#   scripts/system-deps.sh               install what the tests need (as root)
#   scripts/system-deps.sh --lab         the same, and Jupyter Notebook for npm run lab
#   scripts/system-deps.sh --check       only report (exit 1 when something is missing)
#   scripts/system-deps.sh --check --lab
set -euo pipefail

check=false
lab=false
for arg in "$@"; do
  case "$arg" in
    --check) check=true ;;
    --lab) lab=true ;;
    *) echo "system-deps: unknown option $arg (expected --check and/or --lab)" >&2; exit 2 ;;
  esac
done

PYTHON=/usr/bin/python3
missing=()
add() { case " ${missing[*]-} " in *" $1 "*) ;; *) missing+=("$1") ;; esac; }
have_command() { command -v "$1" >/dev/null 2>&1; }
have_module() { [ -x "$PYTHON" ] && "$PYTHON" -c "import $1" >/dev/null 2>&1; }
have_package() {
  have_command dpkg-query && dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# What is called → the Debian package that provides it.
have_command jupyter || add jupyter-core                      # jupyter kernelspec …, jupyter nbconvert …
have_command jupyter-kernelspec || add jupyter-client         # `jupyter kernelspec list` (test/notebooks/kernel.test.ts)
have_command jupyter-nbconvert || add jupyter-nbconvert
have_module nbformat || add python3-nbformat                  # reading, writing and trusting notebooks
have_module jupyter_client || add python3-jupyter-client
have_module nbclient || add python3-nbclient                  # scripts/notebooks/run.py
have_module ipykernel || add python3-ipykernel
[ -x /usr/bin/chromium ] || add chromium                      # site/tooling/chromium.ts
for font in fonts-dejavu-core fonts-liberation; do
  # Fonts can only be checked as packages (Debian); elsewhere they are left to the system.
  if have_command dpkg-query && ! have_package "$font"; then add "$font"; fi
done
if $lab; then
  # scripts/notebooks/lab.ts opens JupyterLab when it is on PATH, else Jupyter Notebook (Debian has no JupyterLab).
  have_command jupyter-lab || have_command jupyter-notebook || add jupyter-notebook
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! $check && [ "$(id -u)" -eq 0 ] && have_command apt-get; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
  exit 0
fi
echo "system-deps: missing Debian packages: ${missing[*]}" >&2
echo "install them with: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
exit 1
