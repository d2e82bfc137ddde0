#!/usr/bin/env bash
# Barge-in over real RTP with line echo (issue 16), one bounded command for the quiet machine:  bench/frontend-bargein-rtp.sh
# Runs `frontend-bargein-rtp` (bench/Benchmarks/FrontEnd/RtpBargeInRun.cs) twice; every call is a real MediaHost RTP
# session on loopback + the agent with the speexdsp front-end and Silero, and a peer on its own 20 ms clock returning the
# agent's audio as line echo:
#  1. missed barge-ins and caller start → agent silent on the wire: 60 calls (echo 60/240 ms, 6/12 dB ERL, the caller
#     0, −6 and −12 dB against the echo, 5 rounds), 4 calls at a time (~2.5 min; no call starts after 170 s);
#  2. false barge-ins: 16 calls with the caller silent, pink noise at SNR 10 dB (against a −26 dBFS caller), echo 60 and
#     240 ms at 6 dB ERL, ~10.6 s of agent speech each (~2.8 min of agent speech), 4 at a time (~1 min; none after 50 s).
# ~4 min in all (at most 5.5) plus the Release build. Prints the machine, the load beside it, the markdown tables for
# bench/results/frontend.md and a line against issue 16's targets per part; records nothing by itself. Extra arguments
# replace both parts with one run of those (e.g. callers=silent,12,0,-12 parallel=1).
# "bench/frontend-bargein-rtp.sh false-only": part 2 alone, sized for the false-barge-in target (≤ 1 per 10 min): echo
# 60–300 ms (60, 100, 140, 200, 240, 300: the peer delays by whole packets) at 6 dB ERL, pink noise SNR 10 dB, caller
# silent, 6 calls at a time, no call starts after 270 s: 21 min of agent speech even on the loaded machine (120 calls);
# ~5 min plus the build.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "date: $(date -u)"
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), $(awk '/MemTotal/{printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "command: bench/frontend-bargein-rtp.sh $*"
dotnet build -c Release bench/Benchmarks/VoiceFunctions.Benchmarks.csproj -v q -nologo >/dev/null
run() {
  local limit=$1; shift
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local start; start=$(date +%s)
  timeout "$limit" dotnet run -c Release --no-build --project bench/Benchmarks -- frontend-bargein-rtp "$@" || echo "(stopped by its time limit of $limit s: no summary)"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); run took $(( $(date +%s) - start )) s"
}
if [ "${1:-}" = "false-only" ]; then
  echo "## 2. the agent's own echo with noise, caller silent (false barge-ins, long)"
  run 330 delays=60,100,140,200,240,300 losses=6 callers=silent noise=10 repeat=30 parallel=6 budget=270
  exit
fi
if [ $# -gt 0 ]; then run 280 "$@"; exit; fi
echo "## 1. barge-ins at 0 to -12 dB against the echo"
run 230 delays=60,240 losses=6,12 callers=0,-6,-12 repeat=5 parallel=4 budget=170
echo "## 2. the agent's own echo with noise, caller silent"
run 100 delays=60,240 losses=6 callers=silent noise=10 repeat=8 parallel=4 budget=50
