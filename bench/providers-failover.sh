#!/usr/bin/env bash
# Failover time as the caller hears it (issue 17: "primary returns 503 or hangs -> the secondary's first audio reaches
# the caller <= 3 s p95 after end of speech, and no apology while any provider in the chain is healthy").
# Per failure kind (503, hang past the first-result deadline, dropped stream), ROUNDS rounds of three samples at once,
# one per stage (STT yandex -> deepgram, LLM -> another LLM, TTS yandex -> azure-speech), each a fresh agent with
# the default deadline (1500 ms) and one call over real SIP/RTP; the primary turns bad as the caller starts speaking.
# Prints markdown rows for bench/results/providers.md; records nothing by itself. About 10 s per round after the
# build: ~3.5 min for the default 7 rounds (21 samples per kind).
#   bench/providers-failover.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
configuration=${CONFIGURATION:-Release}
echo "date: $(date -u); machine: $(nproc) cores, .NET $(dotnet --version); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + uncommitted changes'); $configuration build; rounds: $rounds"
[ "${SKIP_BUILD:-0}" = 1 ] || dotnet build tests/MediaHost.Tests -c "$configuration" --nologo -v quiet -clp:ErrorsOnly
echo
echo "| primary fails by | samples answered | p50 (ms) | p95 (ms) | max (ms) | apologies | per stage |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
VOICEFUNCTIONS_PROVIDERS_FAILOVER="$rounds" dotnet test tests/MediaHost.Tests -c "$configuration" --no-build \
  --filter "FullyQualifiedName~FailoverTimeMeasurement" --logger "console;verbosity=detailed" \
  | sed -n 's/^ *\(|.*\)$/\1/p; s/^ *\(load average before: .*\|apology .*\)$/    \1/p'
