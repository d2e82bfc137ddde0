#!/usr/bin/env bash
# Loop overhead at load through the vendor fakes over real SIP/RTP (issue 17: "voice-to-voice minus the providers' own
# latency <= 30 ms p99 at 100 concurrent calls"). For each call count, that many concurrent Russian callers (an
# in-process SIP/RTP caller: PCMU, an espeak-ng ru question asked QUESTIONS times, turns spread in time) call the
# MediaHost's agent configured for the Yandex STT fake -> OpenAI-compatible chat fake -> Yandex TTS fake at fixed
# delays (100 / 200 / 100 ms). Prints markdown rows for bench/results/providers.md; records nothing by itself.
# About 45 s per call count after the build (~3 min for the default 20 50 100 on a quiet machine).
#   bench/providers-load.sh [CALLS...]          # default: 20 50 100
#   QUESTIONS=6 CONFIGURATION=Debug bench/providers-load.sh 100
set -euo pipefail
cd "$(dirname "$0")/.."
counts=${*:-"20 50 100"}
configuration=${CONFIGURATION:-Release}
echo "date: $(date -u); machine: $(nproc) cores, .NET $(dotnet --version); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + uncommitted changes'); $configuration build; questions per call: ${QUESTIONS:-4}"
[ "${SKIP_BUILD:-0}" = 1 ] || dotnet build tests/MediaHost.Tests -c "$configuration" --nologo -v quiet -clp:ErrorsOnly
echo
echo "| calls | figure (ms) | n | p50 | p95 | p99 | max |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
for calls in $counts; do
  VOICEFUNCTIONS_PROVIDERS_LOAD="$calls" VOICEFUNCTIONS_PROVIDERS_LOAD_QUESTIONS="${QUESTIONS:-4}" \
    dotnet test tests/MediaHost.Tests -c "$configuration" --no-build \
    --filter "FullyQualifiedName~LoopOverheadAtLoadMeasurement" --logger "console;verbosity=detailed" \
    | sed -n 's/^ *\(|.*\)$/\1/p; s/^ *\(calls: .*\)$/    \1/p' >/tmp/providers-load-$$.txt || true
  grep '^|' /tmp/providers-load-$$.txt || echo "| $calls | run failed | | | | | |"
  grep -v '^|' /tmp/providers-load-$$.txt >&2 || true
done
rm -f /tmp/providers-load-$$.txt
