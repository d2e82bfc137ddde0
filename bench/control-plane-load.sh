#!/usr/bin/env bash
# QUIET RUN (issue 19's load figure): 1,000 calls' webhooks sent open-loop over 10 s (a call every 10 ms, each call's
# ten signed LiveKit webhooks in order), then a 100-call burst, through the local control-plane host on the Durable
# Azure Storage provider over Azurite (a task hub of the run's own, deleted at the end). Prints, per phase: webhooks/s
# offered and accepted, webhook p50/p95, orchestrations completed as caller hang-up / total, records finalized,
# webhook→finalized p50/p95/p99/max, and where the time went (Azurite's answer time, CPU of this process and of
# Azurite, requests to Azurite per call); then the records count (exactly one per call) and a result line.
# Records nothing by itself: copy the summary into bench/results/control-plane.md under a "quiet machine" heading.
# Exit 0 only when every call completed right and was recorded once; 1 when any was lost, wrong, or not done in time.
# Needs Azurite on 127.0.0.1:10000-10002 (already running for everyone here). Waits until every orchestration completed
# (drained), at most 15 minutes after the host started (--budget-seconds 900; the burst keeps the last minute), printing
# each phase's progress every 30 s; then its drain time (last webhook answered → last orchestration completed) and
# orchestrations/s (completed / first webhook → last completion). A size the machine cannot finish in 15 min still
# prints how many completed and at what rate. Takes the build (1-2 min), then up to 15 min.
# Usage: bench/control-plane-load.sh [CALLS] [SECONDS] [BURST]   (defaults 1000 10 100)
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-1000}
seconds=${2:-10}
burst=${3:-100}

dotnet build bench/Benchmarks -c Release --nologo -v quiet >/dev/null
echo "== $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $calls calls over $seconds s, then $burst at once"
# The host's JSON log lines (the provider's warnings) go to control-plane-load.log beside the summary.
set +e
dotnet bench/Benchmarks/bin/Release/net10.0/VoiceFunctions.Benchmarks.dll webhook-load \
  --paced-calls "$calls" --pace-seconds "$seconds" --burst-calls "$burst" --wait-minutes 15 --budget-seconds 900 \
  | tee /tmp/control-plane-load.log | grep -v '^{"Timestamp"'
status=${PIPESTATUS[0]}
set -e
echo "== host log lines: $(grep -c '^{"Timestamp"' /tmp/control-plane-load.log) in /tmp/control-plane-load.log"
echo "== $(date -u +%FT%TZ) load average $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
