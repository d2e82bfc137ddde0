#!/usr/bin/env bash
# The system load run, one bounded command (at most 30 minutes):  bench/system-load.sh [N,N,...]   (default 0,1,2,4,8,16; 0 = no call, the baseline)
# Starts the whole system in direct mode (./run.sh --load: Azurite, the local control plane and the MediaHost in Release,
# offline providers with the TTS sentence cache warmed by one call), then for each N places N concurrent sipp calls
# streaming the demo question over RTP, until a step fails. Prints the machine, what else was running, and one
# markdown row per N for bench/results/system.md. The largest passing N has no lost call, every record finalized
# and at most 0.1 % late frames.
set -euo pipefail
cd "$(dirname "$0")/.."
list=${1:-0,1,2,4,8,16}
echo "date: $(date -u)"
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), $(awk '/MemTotal/{printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "command: bench/system-load.sh $list   (each call ${LOAD_CALL_SECONDS:-14} s)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); other busy processes:"
ps -eo pcpu,comm --sort=-pcpu | awk 'NR>1 && $1>5 {printf "  %s%% %s\n", $1, $2}' | head -8
timeout 1800 ./run.sh --load "$list"
