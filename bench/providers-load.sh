#!/usr/bin/env bash
# Loop overhead at load through the vendor fakes over real SIP/RTP (issue 17: "voice-to-voice minus the providers' own
# latency <= 30 ms p99 at 100 concurrent calls"). ONE command for the quiet run: builds Release quietly, then for each
# call count (default: 100, the target's) places that many concurrent Russian callers (in-process SIP/RTP caller: PCMU,
# an espeak-ng ru question asked QUESTIONS times, turns spread in time) to the MediaHost's agent configured for the
# Yandex STT fake -> OpenAI-compatible chat fake -> Yandex TTS fake at fixed delays (100 / 200 / 100 ms).
# Prints a summary per call count (p50/p95/p99 of our overhead against the target, calls admitted, turns failed)
# and the markdown rows for bench/results/providers.md; records nothing by itself.
# Time: the Release build (~1-2 min quiet), then ~60 s per call count: about 3 min for the default.
#   bench/providers-load.sh              # 100 calls, Release
#   QUESTIONS=6 bench/providers-load.sh 20 100
#   SKIP_BUILD=1 CONFIGURATION=Debug bench/providers-load.sh 20
set -euo pipefail
cd "$(dirname "$0")/.."
counts=${*:-"100"}
configuration=${CONFIGURATION:-Release}
echo "date: $(date -u); machine: $(nproc) cores, .NET $(dotnet --version); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + uncommitted changes'); $configuration build; questions per call: ${QUESTIONS:-4}"
[ "${SKIP_BUILD:-0}" = 1 ] || dotnet build tests/MediaHost.Tests -c "$configuration" --nologo -v quiet -clp:ErrorsOnly >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT
rows=""
for calls in $counts; do
  VOICEFUNCTIONS_PROVIDERS_LOAD="$calls" VOICEFUNCTIONS_PROVIDERS_LOAD_QUESTIONS="${QUESTIONS:-4}" \
    timeout 240 dotnet test tests/MediaHost.Tests -c "$configuration" --no-build \
    --filter "FullyQualifiedName~LoopOverheadAtLoadMeasurement" --logger "console;verbosity=detailed" >"$out" 2>&1 || true
  if grep -q '^ *summary:' "$out"; then
    sed -n 's/^ *\(summary: .*\)$/\1/p; s/^ *\(calls: .*\)$/  \1/p' "$out"
    rows+=$(sed -n 's/^ *\(|.*\)$/\1/p' "$out")$'\n'
  else
    echo "summary: $calls calls: the run failed or timed out (last lines below)"
    tail -15 "$out"
  fi
done
echo
echo "| calls | figure (ms) | n | p50 | p95 | p99 | max |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
printf '%s' "$rows"
