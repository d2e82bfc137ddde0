#!/usr/bin/env bash
# Front door load run (bench/results/frontdoor.md): the real Kamailio with deploy/kamailio/kamailio.cfg over three
# MediaHost processes (Release, the built-in echo: routing is measured, not the AI loop), sipp as the callers, all on
# loopback. Two measurements, a minute or two in all:
#  1. the setup delay the proxy hop adds: INVITE -> 200 seen by sipp, direct to one MediaHost and through the front
#     door, at the same low rate (p50 / p95 from sipp's per-call response times);
#  2. calls per second through the front door: for each rate, CALLS_PER_RATE calls of 1 s; successful, failed, the
#     setup time p50 / p95 and how the calls spread over the three MediaHosts (their /metrics).
#   bench/frontdoor.sh                          # rates 50 100 200, 600 calls each
#   RATES="100 300" CALLS_PER_RATE=900 bench/frontdoor.sh
#   KAMAILIO_DEFINES="PROBE_TIMEOUT_MS=10000 NO_ANSWER_TIMEOUT_MS=10000" bench/frontdoor.sh   # relaxed timers, for a
#       machine so loaded that processes stall for seconds (the deployment's 2 s would take every host out)
set -euo pipefail
cd "$(dirname "$0")/.."
rates=${RATES:-"50 100 200"}
calls_per_rate=${CALLS_PER_RATE:-600}
delay_calls=${DELAY_CALLS:-200}
scenario=tests/System.Tests/FrontDoor/Scenarios/frontdoor-call.xml
command -v kamailio >/dev/null && command -v sipp >/dev/null || { echo "frontdoor.sh: needs kamailio and sipp (scripts/install-test-deps.sh)" >&2; exit 1; }
dotnet build -c Release MediaHost/MediaHost.csproj -v q -nologo >/dev/null
dll=MediaHost/bin/Release/net10.0/VoiceFunctions.MediaHost.dll
work=$(mktemp -d /tmp/frontdoor-bench-XXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# Three MediaHosts on loopback: SIP 35161-35163, internal HTTP (/health, /metrics) 35181-35183, public 35191-35193, 2,000 RTP ports each.
for i in 1 2 3; do
  env Sip__BindAddress=127.0.0.1 Sip__MediaBindAddress=127.0.0.1 Sip__UdpPort=3516$i Sip__TcpPort=3516$i \
    Rtp__PortMin=$((30000 + i * 2000)) Rtp__PortMax=$((31999 + i * 2000)) AiLoop__Enabled=false \
    Sip__MaxConcurrentCalls=1000 Sip__MaxRequestsPerMinute=1000000 Sip__MaxCallsPerMinute=100000 Sip__MaxCallsPerHour=1000000 \
    InternalHttp__Url="http://127.0.0.1:3518$i" dotnet "$dll" --urls "http://127.0.0.1:3519$i" >"$work/mediahost$i.log" 2>&1 &
  pids+=($!)
  printf '1 sip:127.0.0.1:3516%s\n' "$i" >>"$work/dispatcher.list"
done
for i in 1 2 3; do
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:3518$i/health" >/dev/null && break; sleep 0.5; done
done
kamailio -DD -E -f deploy/kamailio/kamailio.cfg -Y "$work" -P "$work/kamailio.pid" -w "$work" -m 128 \
  -A LISTEN_UDP=udp:127.0.0.1:35160 -A LISTEN_TCP=tcp:127.0.0.1:35160 -A "DISPATCHER_LIST=\"$work/dispatcher.list\"" \
  -A "CTL_SOCKET=\"unix:$work/ctl\"" -A REQUESTS_PER_2S=1000000 -A CALLS_PER_MINUTE=1000000 -A CALLS_PER_HOUR=10000000 \
  $(for d in ${KAMAILIO_DEFINES:-}; do printf -- '-A %s ' "$d"; done) >"$work/kamailio.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do [ "$(kamcmd -s "unix:$work/ctl" dispatcher.list 2>/dev/null | grep -c 'FLAGS: AP')" = 3 ] && break; sleep 0.5; done

answered() { curl -sf "http://127.0.0.1:3518$1/metrics" | awk '/^voicefunctions_sip_responses_total\{.*code="200".*method="INVITE"/ { n += $2 } END { print n + 0 }'; }
# run <target> <calls> <rate> <label>: sipp with per-call response times; prints "successful failed p50 p95".
run() {
  local dir="$work/$4"; mkdir -p "$dir"
  (cd "$dir" && sipp "$1" -sf "$OLDPWD/$scenario" -i 127.0.0.1 -m "$2" -r "$3" -l 100000 -d 1000 -timeout 120s -nostdin \
     -trace_stat -stf stats.csv -trace_rtt -rtt_freq 1 -trace_err -error_file errors.log >/dev/null 2>&1 || true)
  local ok failed
  ok=$(awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "SuccessfulCall(C)") c = i } END { print $c }' "$dir/stats.csv")
  failed=$(awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "FailedCall(C)") c = i } END { print $c }' "$dir/stats.csv")
  # sipp's rtt file: date_ms;response_time_ms;rtd_no per call.
  cat "$dir"/*_rtt.csv | awk -F';' '$2 ~ /^[0-9.]+$/ { print $2 }' | sort -g >"$dir/setup-ms"
  local n; n=$(wc -l <"$dir/setup-ms")
  local p50 p95
  p50=$(sed -n "$(( (n * 50 + 99) / 100 ))p" "$dir/setup-ms" 2>/dev/null); p95=$(sed -n "$(( (n * 95 + 99) / 100 ))p" "$dir/setup-ms" 2>/dev/null)
  echo "$ok $failed ${p50:-?} ${p95:-?}"
}

echo "date: $(date -u)"
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), $(kamailio -v | head -1), $(sipp -v 2>/dev/null | grep -o 'SIPp v[0-9.]*' | head -1), load average:$(uptime | sed 's/.*load average://')"
echo "command: bench/frontdoor.sh (RATES=\"$rates\" CALLS_PER_RATE=$calls_per_rate DELAY_CALLS=$delay_calls KAMAILIO_DEFINES=\"${KAMAILIO_DEFINES:-}\")"
echo
echo "Setup delay (INVITE -> 200 at sipp), $delay_calls calls of 1 s at 20 per second:"
echo
echo "| path | successful / failed | p50 | p95 |"
echo "| --- | ---: | ---: | ---: |"
read -r ok failed p50 p95 < <(run 127.0.0.1:35161 "$delay_calls" 20 direct)
echo "| direct to one MediaHost | $ok / $failed | $p50 ms | $p95 ms |"
read -r ok failed p50 p95 < <(run 127.0.0.1:35160 "$delay_calls" 20 proxied)
echo "| through the front door | $ok / $failed | $p50 ms | $p95 ms |"
echo
echo "Calls per second through the front door to three MediaHosts ($calls_per_rate calls of 1 s per rate):"
echo
echo "| offered rate | successful / failed | setup p50 / p95 | calls per MediaHost | load average after |"
echo "| ---: | ---: | ---: | --- | --- |"
for rate in $rates; do
  before=("$(answered 1)" "$(answered 2)" "$(answered 3)")
  read -r ok failed p50 p95 < <(run 127.0.0.1:35160 "$calls_per_rate" "$rate" "rate$rate")
  spread="$(( $(answered 1) - before[0] )) / $(( $(answered 2) - before[1] )) / $(( $(answered 3) - before[2] ))"
  echo "| $rate/s | $ok / $failed | $p50 / $p95 ms | $spread | $(uptime | sed 's/.*load average: //') |"
done
