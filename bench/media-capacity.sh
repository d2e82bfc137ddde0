#!/usr/bin/env bash
# Media capacity run (bench/results/media.md): for each call count, the MediaHost's SIP stack and RTP media path
# hold that many concurrent G.711 calls (20 ms packets both ways, jitter buffer, decode + encode, VAD-sized work per
# frame) placed by a load generator in a child process, refuse 1.5x as many with 503, and report late frames, CPU
# and memory per call and the added delay. One command, a few minutes:
#   bench/media-capacity.sh                 # 250, 500, 750 and 1000 calls, 20 s each
#   CALLS="500 750" SECONDS_PER_RUN=30 bench/media-capacity.sh
#   RTP_RECEIVE_LOOPS=-1 bench/media-capacity.sh # the host reads RTP with a thread per socket (default 0: one epoll loop per core)
#   LOADGEN_REALTIME=1 bench/media-capacity.sh   # the generator streams from a SCHED_FIFO thread (root): phones on time even on a busy machine
#   FRONT_END=0 bench/media-capacity.sh          # without the agent's audio front-end (speexdsp echo canceller + noise
#                                                # suppression on every frame heard, on by default as on phone calls)
#   ECHO_EVERY_FRAME=1 bench/media-capacity.sh   # the echo loop never skips a frame when it falls behind, so frames
#                                                # queue ahead of the clock (reported in their own column)
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${CALLS:-"250 500 750 1000"}
seconds=${SECONDS_PER_RUN:-20}
dotnet build -c Release bench/Benchmarks -v q -nologo >/dev/null
dll=bench/Benchmarks/bin/Release/net10.0/VoiceFunctions.Benchmarks.dll
# The run hosts the MediaHost's classes in the benchmark process: give it the runtime settings the MediaHost ships
# with (its runtimeconfig.json, which the image publishes), so the bench measures what deploys. A variable already
# set wins, to compare: DOTNET_TieredCompilation=1 CALLS=1000 bench/media-capacity.sh
runtime=MediaHost/bin/Release/net10.0/VoiceFunctions.MediaHost.runtimeconfig.json
settings=""
while IFS='=' read -r name value; do
  [ -n "$name" ] || continue
  [ -n "${!name:-}" ] || export "$name=$value"
  settings="$settings $name=${!name}"
done < <(jq -r '.runtimeOptions.configProperties // {} | to_entries[]
  | ({"System.Runtime.TieredCompilation": "DOTNET_TieredCompilation", "System.Runtime.TieredPGO": "DOTNET_TieredPGO",
      "System.Runtime.TieredCompilation.QuickJit": "DOTNET_TC_QuickJit", "System.Runtime.TieredCompilation.QuickJitForLoops": "DOTNET_TC_QuickJitForLoops",
      "System.GC.Server": "DOTNET_gcServer", "System.GC.Concurrent": "DOTNET_gcConcurrent"}[.key]) as $env
  | select($env != null) | "\($env)=\(if .value == true then 1 elif .value == false then 0 else .value end)"' "$runtime")
echo "date: $(date -u)"
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), load average:$(uptime | sed 's/.*load average://')"
echo "runtime (the MediaHost's runtimeconfig.json, or as overridden):${settings:- defaults}"
echo "command: bench/media-capacity.sh (CALLS=\"$calls\" SECONDS_PER_RUN=$seconds LOADGEN_REALTIME=${LOADGEN_REALTIME:-0} RTP_RECEIVE_LOOPS=${RTP_RECEIVE_LOOPS:-0} FRONT_END=${FRONT_END:-1}${ECHO_EVERY_FRAME:+ ECHO_EVERY_FRAME=$ECHO_EVERY_FRAME})"
echo
echo "| calls | tried | late frames | wire lateness of the host's packets p50 / p99 / max | CPU per call (% of a core) | generator CPU per call | managed memory per call | working set per call | added delay in p50 / p95 | added delay out, path's own share (written or slot open → on the wire) p50 / p95 | frames the audio loop queued ahead of the clock: share, wait for their slot p50 / p95 | overload (extra INVITEs while streaming) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for n in $calls; do
  dotnet "$dll" media-capacity "$n" "$seconds" 2>/dev/null > /tmp/media-capacity-$$.txt || true
  grep '^|' /tmp/media-capacity-$$.txt || echo "| $n | run failed | | | | | | | | | | |"
  grep -v '^|' /tmp/media-capacity-$$.txt | sed 's/^/    /' >&2
done
rm -f /tmp/media-capacity-$$.txt
