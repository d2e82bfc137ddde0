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
  # The SIP front door (deploy/kamailio/kamailio.cfg) run by tests/System.Tests/FrontDoor and bench/frontdoor.sh; kamcmd reads its dispatcher state.
  [kamailio]=kamailio
  # deploy/kamailio/dispatcher-sync.sh (the front door's list of media nodes) reads the Kubernetes API's JSON with jq; curl asks it.
  [jq]=jq
  [curl]=curl
  # The call console's browser tests (tests/Console.Tests): Debian's Chromium driven through Debian's chromedriver.
  [chromium]=chromium
  [chromedriver]=chromium-driver
  # voicectl's tests: openssl s_server plays a TLS 1.1-only server; script(1) gives a pseudo-terminal (colour rules).
  [openssl]=openssl
  [script]=bsdutils
)
missing=()
for cmd in "${!debs[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${debs[$cmd]}")
done
# The English acoustic model and the decoder library (loaded in-process by the streaming recogniser) have no command of their own.
[ -d /usr/share/pocketsphinx/model/en-us ] || missing+=(pocketsphinx-en-us)
# The audio front-end's echo canceller is a library, loaded by its SONAME.
[ -e /usr/lib/x86_64-linux-gnu/libspeexdsp.so.1 ] || [ -e /usr/lib/aarch64-linux-gnu/libspeexdsp.so.1 ] || missing+=(libspeexdsp1)
ldconfig -p 2>/dev/null | grep -q libpocketsphinx.so.3 || missing+=(libpocketsphinx3)
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
# The Silero VAD model (MIT) from the npm package above, where the MediaHost looks for it by default
# (SileroVadOptions.DefaultModelPath), with its licence notice. Without it the energy detector is used.
silero_dir=/usr/share/voicefunctions/models
if [ ! -f "$silero_dir/silero_vad.onnx" ] || ! cmp -s tests/node/node_modules/@livekit/agents-plugin-silero/dist/silero_vad.onnx "$silero_dir/silero_vad.onnx"; then
  echo "install-test-deps: installing the Silero VAD model in $silero_dir"
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; else sudo=""; fi
  $sudo install -D -m 0644 tests/node/node_modules/@livekit/agents-plugin-silero/dist/silero_vad.onnx "$silero_dir/silero_vad.onnx"
  $sudo install -D -m 0644 MediaHost/Agent/Vad/Silero/silero_vad.LICENSE.txt "$silero_dir/silero_vad.LICENSE.txt"
fi
