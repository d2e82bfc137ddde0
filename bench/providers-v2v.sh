#!/usr/bin/env bash
# Voice-to-voice through the vendor fakes over real SIP/RTP (issue 17): one Russian call (baresip, espeak-ng ru) to the
# MediaHost's agent configured for the Yandex STT fake → OpenAI-compatible chat fake → Yandex TTS fake, each at a
# fixed delay (100 / 200 / 100 ms); the caller asks N questions (default 20; the first, cold, is left out).
# Prints markdown rows for bench/results/providers.md. About 7 s per question.
#   bench/providers-v2v.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
echo "date: $(date -u); machine: $(nproc) cores, .NET $(dotnet --version); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + uncommitted changes')"
dotnet build tests/MediaHost.Tests -c Release --nologo -v quiet -clp:ErrorsOnly
VOICEFUNCTIONS_PROVIDERS_V2V="$n" dotnet test tests/MediaHost.Tests -c Release --no-build \
  --filter "FullyQualifiedName~VoiceToVoiceWithVendorFakesMeasurement" --logger "console;verbosity=detailed" \
  | sed -n 's/^ *\(|.*\|turns measured.*\)$/\1/p'
