#!/usr/bin/env bash
# QUIET RUN (issue 19's load figure): 1,000 calls' webhooks sent open-loop over 10 s (a call every 10 ms, each call's
# ten signed LiveKit webhooks in order), then a 100-call burst, through the local control-plane host on the Durable
# Azure Storage provider over Azurite (a task hub of the run's own, deleted at the end). Prints, per phase: webhook
# req/s and p50/p95, orchestrations completed as caller hang-up, records finalized, webhook→finalized p50/p95/max,
# and the records count (exactly one per call). Records nothing by itself: copy the summary into
# bench/results/control-plane.md under a "quiet machine" heading. Exit 0 only when every orchestration completed right.
# Needs Azurite on 127.0.0.1:10000-10002 (already running for everyone here). Takes about 1-5 minutes on a quiet
# machine (the orchestrations' drain sets it; --wait-minutes 3 bounds each phase's wait).
# Usage: bench/control-plane-load.sh [CALLS] [SECONDS] [BURST]   (defaults 1000 10 100)
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-1000}
seconds=${2:-10}
burst=${3:-100}

dotnet build bench/Benchmarks -c Release --nologo -v quiet >/dev/null
echo "== $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $calls calls over $seconds s, then $burst at once"
dotnet bench/Benchmarks/bin/Release/net10.0/VoiceFunctions.Benchmarks.dll webhook-load \
  --paced-calls "$calls" --pace-seconds "$seconds" --burst-calls "$burst" --wait-minutes 3 && status=0 || status=$?
echo "== $(date -u +%FT%TZ) load average $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
