#!/usr/bin/env bash
# Barge-in over real RTP with line echo (issue 16), one bounded command for the quiet machine:  bench/frontend-bargein-rtp.sh
# Runs `frontend-bargein-rtp` (bench/Benchmarks/FrontEnd/RtpBargeInRun.cs): 16 agent calls over RTP on loopback, each a
# real MediaHost RTP session + the agent with the speexdsp front-end and Silero, and a peer returning the agent's audio as
# line echo (60 and 240 ms, 6 and 12 dB ERL) with the caller silent, +12, 0 or −12 dB against the echo. ~13 s a call:
# ~3.5 min in all, plus the Release build. Prints the machine, the load beside it, the markdown table for
# bench/results/frontend.md and a line against issue 16's targets; records nothing by itself. Extra arguments replace
# the matrix (e.g. callers=silent,12,6,0,-6,-12).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "date: $(date -u)"
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), $(awk '/MemTotal/{printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "command: bench/frontend-bargein-rtp.sh"
dotnet build -c Release bench/Benchmarks/VoiceFunctions.Benchmarks.csproj -v q -nologo >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
if [ $# -eq 0 ]; then set -- delays=60,240 losses=6,12 callers=silent,12,0,-12; fi
timeout 300 dotnet run -c Release --no-build --project bench/Benchmarks -- frontend-bargein-rtp "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); run took $(( $(date +%s) - start )) s"
