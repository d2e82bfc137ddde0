#!/usr/bin/env bash
# The campaign load run (the issue's figure), one bounded command:  bench/campaign.sh [NUMBERS] [CONCURRENCY]
# (defaults 200 and 20). CONCURRENCY 80 is the pacing run: each place is held from the dial until the campaign learns
# the call's record is final (11.2 s on the quiet machine for a 1-2 s call), so at 20 places the rate is bound at
# ~1.8 calls/s whatever the pacing; at 80 places the places allow ~7 calls/s and the 5 calls/s pacing is what is measured.
# Runs tests/System.Tests CampaignLoadRun: the local control plane (Durable Azure Storage provider on Azurite, which
# must be running), the MediaHost process in direct mode (offline providers) and one sipp as every callee; a campaign
# of NUMBERS numbers at concurrency CONCURRENCY and pacing 5 calls/s. Prints the machine, the load beside it, and the figures
# for bench/results/campaigns.md (it records nothing itself): the final count and per-outcome counts, INVITEs per number,
# the achieved call-start rate at sipp against the pacing; a run that does not end in 60 s + NUMBERS/5*3 s prints what
# each number still in progress waits on. It also prints how long a place was held per call, the calls' own length at
# the callee, and which bound the run measured (the concurrency or the pacing).
# QUIET RUN (the pacing target): `bench/campaign.sh 200 80`, about 1-2 min (at most 5).
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
