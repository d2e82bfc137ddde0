#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian 12 machine, and nothing when it is already there:
# the Debian packages of the real SIP peers and audio tools, and the Node tools from the committed lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

# command on PATH -> Debian package that provides it
declare -A debs=(
  [sipp]=sip-tester
  [baresip]=baresip-core
  [svmap]=sipvicious
  [espeak-ng]=espeak-ng
  [pocketsphinx_continuous]=pocketsphinx
  [sox]=sox
  [tshark]=tshark
  [afl-fuzz]=afl++
  # deploy/aks manifests are read offline by the deployment tests (kubectl annotate --local).
  [kubectl]=kubectl
)
missing=()
for cmd in "${!debs[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${debs[$cmd]}")
done
# The English acoustic model has no command of its own.
[ -d /usr/share/pocketsphinx/model/en-us ] || missing+=(pocketsphinx-en-us)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-test-deps: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; else sudo=""; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v node >/dev/null 2>&1 || { echo "install-test-deps: Node.js is required (Node 20) and is not on PATH" >&2; exit 1; }
if [ ! -d tests/node/node_modules ] || [ tests/node/package-lock.json -nt tests/node/node_modules/.package-lock.json ]; then
  echo "install-test-deps: npm ci in tests/node"
  (cd tests/node && npm ci --no-audit --no-fund --loglevel=error)
fi
