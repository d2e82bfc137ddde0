#!/usr/bin/env bash
# Runs VoiceFunctions on this machine, on loopback, in direct mode (no LiveKit):
#   Azurite (Table/Blob storage) → the local control-plane host (the function classes on Kestrel) ←
#   the MediaHost (SIP/RTP + the offline audio loop: pocketsphinx, the scripted dialog, espeak-ng) reporting its calls.
# Then it places a demo call with a real SIP caller (sipp streaming a synthesised English question over RTP),
# prints the conversation and the finalized call record read back from the control plane's API, and keeps the
# system running (printing the SIP URI to call) until Ctrl+C.
#   ./run.sh               everything above
#   ./run.sh --demo-only   start, run the demo call, stop; exit 0 only if the demo worked
#   ./run.sh --load N[,N...]  start, warm the TTS cache, place N concurrent demo calls for each N (until one fails),
#                          print what they cost (bench/system-load.sh; bench/results/system.md), stop
# Secrets for the run are generated here, kept in .artifacts/run (git-ignored) and never printed.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
demo_only=false
load_calls=0
[ "${1:-}" = "--demo-only" ] && demo_only=true
[ "${1:-}" = "--load" ] && { load_calls=${2:?usage: ./run.sh --load N[,N...]}; demo_only=true; }
load_call_s=${LOAD_CALL_SECONDS:-14}
run=.artifacts/run
mkdir -p "$run"
say() { printf '\033[1m[run]\033[0m %s\n' "$*"; }

# --- 1. What is missing, and the build --------------------------------------------------------------------------
command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK is required (dotnet is not on PATH)" >&2; exit 1; }
scripts/install-test-deps.sh
say "building the control plane's local host and the MediaHost (Release)…"
dotnet build Functions.LocalHost -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet build MediaHost -c Release --nologo -v quiet -clp:ErrorsOnly

# --- 2. Ports, secrets, settings ----------------------------------------------------------------------------------
free_port() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM if sys.argv[1]=="udp" else socket.SOCK_STREAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"; }
secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
cp_port=$(free_port tcp); mh_port=$(free_port tcp); mh_public_port=$(free_port tcp); sip_port=$(free_port udp)
rtp_min=$(( 20000 + (RANDOM % 99) * 100 )); rtp_max=$(( rtp_min + 99 ))
events_secret=$(secret); api_key=$(secret); livekit_secret=$(secret)
umask 077
cat > "$run/local.settings.json" <<EOF
{ "IsEncrypted": false, "Values": {
  "AzureWebJobsStorage": "UseDevelopmentStorage=true",
  "LiveKit__Url": "http://127.0.0.1:9", "LiveKit__ApiKey": "local-run", "LiveKit__ApiSecret": "$livekit_secret",
  "AgentDispatch__Mode": "Sip", "AgentDispatch__OutboundTrunkId": "ST_direct-mode-unused",
  "AgentEvents__KeyId": "mediahost", "AgentEvents__Secret": "$events_secret", "AgentEvents__DirectMode": "true",
  "Calls__HumanTransferTo": "",
  "Api__Keys__local": "$api_key",
  "LocalHost__RunTimers": "false"
} }
EOF
umask 022

# --- 3. Start everything; Ctrl+C or exit stops what this script started -------------------------------------------
pids=()
started_azurite=false
stop_all() {
  trap - EXIT INT TERM
  say "stopping…"
  for (( i=${#pids[@]}-1; i>=0; i-- )); do kill -TERM "${pids[$i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  $started_azurite && scripts/test-services.sh stop >/dev/null
  say "stopped"
}
trap 'stop_all; exit 130' INT TERM
trap 'code=$?; stop_all; exit $code' EXIT

if ! (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  scripts/test-services.sh start >/dev/null
  started_azurite=true
fi
say "Azurite on 127.0.0.1:10000-10002"

dotnet Functions.LocalHost/bin/Release/net10.0/VoiceFunctions.Functions.LocalHost.dll \
  --settings "$root/$run/local.settings.json" --urls "http://127.0.0.1:$cp_port" > "$run/control-plane.log" 2>&1 &
pids+=($!)

ControlPlane__BaseUrl="http://127.0.0.1:$cp_port" AgentEvents__KeyId=mediahost AgentEvents__Secret="$events_secret" \
Sip__BindAddress=127.0.0.1 Sip__MediaBindAddress=127.0.0.1 Sip__UdpPort="$sip_port" Sip__TcpPort="$sip_port" \
Rtp__PortMin="$rtp_min" Rtp__PortMax="$rtp_max" AiLoop__Language=en-US InternalHttp__Url="http://127.0.0.1:$mh_port" \
  dotnet MediaHost/bin/Release/net10.0/VoiceFunctions.MediaHost.dll --urls "http://127.0.0.1:$mh_public_port" > "$run/mediahost.log" 2>&1 &
pids+=($!)

wait_http() { # name url [header]
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null ${3:+-H "$3"} "$2" 2>/dev/null; then say "$1 is up ($2)"; return 0; fi
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "run.sh: $1 exited; see $run/*.log" >&2; tail -n 20 "$run"/*.log >&2; return 1; }; done
    sleep 0.5
  done
  echo "run.sh: $1 did not become healthy in 2 minutes; see $run/*.log" >&2
  return 1
}
day=$(date -u +%F)
wait_http "control plane" "http://127.0.0.1:$cp_port/api/calls?day=$day" "x-functions-key: $api_key"
wait_http "MediaHost" "http://127.0.0.1:$mh_port/health"
console_url="http://127.0.0.1:$cp_port/console"
console_key="jq -r '.Values.Api__Keys__local' $run/local.settings.json"
say "call console: $console_url (sign in with the run's API key: $console_key)"

# --- 4. The demo call ---------------------------------------------------------------------------------------------
question="What are your opening hours?"
demo=$run/demo
rm -rf "$demo"; mkdir -p "$demo"
# The question after 4 s of silence (the agent's greeting plays first), then silence while the agent answers.
espeak-ng -v en-us -s 150 -w "$demo/question.wav" "$question"
sox "$demo/question.wav" -r 8000 -c 1 -e mu-law -t raw "$demo/caller.audio" pad 4 6
sed 's/\[call_ms\]/18000/' scripts/demo/caller.xml > "$demo/caller.xml"
if [ "$load_calls" != 0 ]; then
  # The load run (bench/system-load.sh; results in bench/results/system.md): one warm-up call fills the TTS sentence
  # cache (greeting and reply), then for each N in the list N concurrent calls of $load_call_s s (N = 0: the same time
  # with no call, the machine's own late-frame baseline). A step fails on a lost call, a record not finalized, or
  # more than 0.1 % late frames; every step runs, and the largest passing N is printed last.
  mh_pid=${pids[1]}
  cpu() { awk '{print $14+$15+$16+$17}' "/proc/$mh_pid/stat"; }
  rss() { awk '/VmRSS/{print $2}' "/proc/$mh_pid/status"; }
  scrape() { curl -fsS "http://127.0.0.1:$mh_port/metrics" > "$1"; }
  sipp_calls() { # count
    (cd "$demo" && timeout 120 sipp "127.0.0.1:$sip_port" -sf caller.xml -i 127.0.0.1 -p "$(free_port udp)" -mi 127.0.0.1 -mp "$(free_port udp)" \
       -m "$1" -l "$1" -r "$1" -timeout 90s -trace_err -nostdin -bind_local > sipp.log 2>&1) || true
  }
  sed "s/\[call_ms\]/$(( load_call_s * 1000 ))/" scripts/demo/caller.xml > "$demo/caller.xml"
  say "load: warm-up call (fills the TTS cache)"
  sipp_calls 1
  sleep 3
  echo "| N concurrent | sipp calls OK | records finalized | caller answered | late frames | CPU-s per call | MiB per call | agent-event p99 | voice-to-voice p95 | verdict |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  load_ok=0
  for n in ${load_calls//,/ }; do
    rss_idle=$(rss); cpu_start=$(cpu); since=$(date -u +%FT%T.%3N)
    scrape "$demo/metrics-before.txt"
    ( while sleep 1; do rss; done > "$demo/rss.txt" ) & sampler=$!
    if [ "$n" -gt 0 ]; then sipp_calls "$n"; else sleep "$load_call_s"; : > "$demo/sipp.log"; fi
    sleep 3
    kill "$sampler" 2>/dev/null || true
    cpu_end=$(cpu)
    scrape "$demo/metrics-after.txt"
    step_ok=0
    python3 bench/system-load/report.py "$cp_port" "$api_key" "$day" "$n" "$since" "$(( cpu_end - cpu_start ))" "$(getconf CLK_TCK)" "$rss_idle" \
      "$demo/rss.txt" "$demo/sipp.log" "$demo/metrics-before.txt" "$demo/metrics-after.txt" "$load_call_s" || step_ok=$?
    cp "$demo/sipp.log" "$demo/sipp-$n.log"
    [ "$step_ok" = 0 ] && [ "$n" -gt 0 ] && largest=$n
    [ "$step_ok" = 0 ] || load_ok=1
  done
  say "largest N that passed (no lost call, every record finalized, ≤ 0.1 % late frames): ${largest:-none}"
  exit $load_ok
fi

# A person at a terminal gets the time to open the console and watch the demo call live (Enter, or 30 s).
if ! $demo_only && [ -t 0 ]; then read -r -t 30 -p "[run] open $console_url now to follow the demo call live; press Enter to place it " || echo; fi
say "demo call: sipp → sip:+15550001111@127.0.0.1:$sip_port, saying \"$question\""
demo_ok=true
(cd "$demo" && sipp "127.0.0.1:$sip_port" -sf caller.xml -i 127.0.0.1 -p "$(free_port udp)" -mi 127.0.0.1 -mp "$(free_port udp)" \
   -m 1 -timeout 40s -timeout_error -trace_err -nostdin -bind_local > sipp.log 2>&1) || { demo_ok=false; echo "run.sh: the demo caller failed (see $demo/sipp.log)" >&2; }

# The finalized record: the newest call of the day whose outcome is no longer InProgress.
call_json=""
for _ in $(seq 1 60); do
  id=$(curl -fsS -H "x-functions-key: $api_key" "http://127.0.0.1:$cp_port/api/calls?day=$day&pageSize=1" | jq -r '.calls[0].callId // empty' 2>/dev/null || true)
  if [ -n "$id" ]; then
    call_json=$(curl -fsS -H "x-functions-key: $api_key" "http://127.0.0.1:$cp_port/api/calls/$id" || true)
    outcome=$(jq -r '.record.outcome // .outcome // empty' <<<"$call_json" 2>/dev/null || true)
    [ -n "$outcome" ] && [ "$outcome" != "InProgress" ] && [ "$outcome" != "inProgress" ] && break
  fi
  sleep 0.5
done
echo
if [ -z "$call_json" ]; then
  demo_ok=false
  echo "run.sh: no call record came back from the control plane (see $run/*.log)" >&2
else
  python3 scripts/demo/print_call.py <<<"$call_json" || demo_ok=false
fi
echo

if $demo_only; then
  $demo_ok && { say "demo call worked"; exit 0; }
  say "demo call FAILED"; exit 1
fi
$demo_ok || say "the demo call did not work (see above); the system keeps running"
say "running. Call sip:agent@127.0.0.1:$sip_port (UDP) from a softphone on this machine;"
say "calls: curl -H 'x-functions-key: <key in $run/local.settings.json>' http://127.0.0.1:$cp_port/api/calls?day=$day"
say "call console: $console_url (API key: $console_key)"
say "logs: $run/control-plane.log, $run/mediahost.log. Ctrl+C stops everything."
wait -n "${pids[@]}" || true
say "a process exited; see $run/*.log"
