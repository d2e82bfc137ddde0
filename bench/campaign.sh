#!/usr/bin/env bash
# The campaign load run (the issue's figure), one bounded command:  bench/campaign.sh [NUMBERS] [CONCURRENCY]
# (defaults 200 and 20: the issue's figure). Each place is held from the dial until the campaign learns the call's record
# is final (11.2 s on the quiet machine in session 4 for a 1-s call: the Durable hops after the call, not the call), so
# at 20 places the concurrency, not the 5 calls/s pacing, may be the bound: the run prints which bound it measured.
# Session 6 removed two Durable hops per answered attempt (the in-progress marks are one table transaction per start
# step; the record is not checked at the answer).
# Runs tests/System.Tests CampaignLoadRun: the local control plane (Durable Azure Storage provider on Azurite, which
# must be running), the MediaHost process in direct mode (offline providers) and one sipp as every callee; a campaign
# of NUMBERS numbers at concurrency CONCURRENCY and pacing 5 calls/s. Prints the machine, the load beside it, and the figures
# for bench/results/campaigns.md (it records nothing itself): the final count and per-outcome counts, INVITEs per number,
# the achieved call-start rate at sipp against the pacing; a run that does not end in 60 s + NUMBERS/5*3 s prints what
# each number still in progress waits on (and the partial call-start rate until then). It also prints how long a place
# was held per call, the calls' own length at the callee, and which bound the run measured.
# Session 7: it prints the start rate per 10-s window against the pacing (PacingWindows), also for a run that does not end.
# Session 8: it prints the start rate of the first CONCURRENCY starts (none of them waited for a place: only the pacing
# and the campaign's start loop bound them) and how many places the pacing needs at the measured hold (pacing x hold).
# QUIET RUNS: `bench/campaign.sh 200 20` (the issue's figure; the places are the bound at a ~9 s hold), about 4 min
# (build ~1 min, run at most 3 min); and `bench/campaign.sh 200 60` (60 places x ~9 s allow ~6.5 calls/s, so the
# pacing is what the whole run measures), about 4 min.
set -euo pipefail
cd "$(dirname "$0")/.."
numbers=${1:-200}
concurrency=${2:-20}
out=$(mktemp)
echo "date: $(date -u)"
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), $(awk '/MemTotal/{printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "command: bench/campaign.sh $numbers $concurrency"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); other busy processes:"
ps -eo pcpu,comm --sort=-pcpu | awk 'NR>1 && $1>5 {printf "  %s%% %s\n", $1, $2}' | head -8
dotnet build tests/System.Tests/System.Tests.csproj -v q -nologo >/dev/null
VOICEFUNCTIONS_CAMPAIGN_BENCH=1 VOICEFUNCTIONS_CAMPAIGN_BENCH_NUMBERS=$numbers VOICEFUNCTIONS_CAMPAIGN_BENCH_CONCURRENCY=$concurrency \
  VOICEFUNCTIONS_CAMPAIGN_BENCH_OUT=$out \
  timeout 900 dotnet test tests/System.Tests --no-build --filter "FullyQualifiedName~CampaignLoadRun" -v q -nologo | grep -E "Passed!|Failed!|Error Message" -A2 | cut -c1-600 || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$out"
