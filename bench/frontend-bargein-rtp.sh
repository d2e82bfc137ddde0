#!/usr/bin/env bash
# Barge-in over real RTP with line echo (issue 16), one bounded command for the quiet machine:  bench/frontend-bargein-rtp.sh
# Runs `frontend-bargein-rtp` (bench/Benchmarks/FrontEnd/RtpBargeInRun.cs): 24 agent calls over RTP on loopback, each a
# real MediaHost RTP session + the agent with the speexdsp front-end and Silero, and a peer returning the agent's audio as
# line echo (60 and 240 ms, 6 and 12 dB ERL) with the caller silent or at +12…−12 dB against the echo. ~15 s a call:
# ~4 min in all, plus the Release build. Prints the machine, the load beside it, and the markdown table for
# bench/results/frontend.md; records nothing by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "date: $(date -u)"
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), $(awk '/MemTotal/{printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "command: bench/frontend-bargein-rtp.sh"
dotnet build -c Release bench/Benchmarks/VoiceFunctions.Benchmarks.csproj -v q -nologo >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
timeout 420 dotnet run -c Release --no-build --project bench/Benchmarks -- frontend-bargein-rtp "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); run took $(( $(date +%s) - start )) s"
