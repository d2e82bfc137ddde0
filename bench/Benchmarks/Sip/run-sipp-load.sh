#!/usr/bin/env bash
# Signalling load: sipp (uac, INVITE -> 200 -> ACK -> BYE, no media) against the MediaHost (Release build),
# both on 127.0.0.1. Prints sipp's summary and the p95 of the INVITE->200 time from sipp's -trace_rtt file.
# Usage: bench/Benchmarks/Sip/run-sipp-load.sh [rate cps, default 250] [calls, default 7500]
set -euo pipefail
cd "$(dirname "$0")/../../.."
rate="${1:-250}"
calls="${2:-7500}"
work="$(mktemp -d)"
sip_port=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
http_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dotnet build MediaHost -c Release -v q --nologo >/dev/null
dotnet MediaHost/bin/Release/net10.0/VoiceFunctions.MediaHost.dll --urls "http://127.0.0.1:0" --InternalHttp:Url="http://127.0.0.1:${http_port}" \
  --Sip:BindAddress=127.0.0.1 --Sip:UdpPort="${sip_port}" --Sip:TcpPort=-1 --Sip:MediaBindAddress=127.0.0.1 \
  --Sip:MaxConcurrentCalls=5000 --Sip:MaxCallsPerMinute=100000 --Sip:MaxCallsPerHour=1000000 --Sip:MaxRequestsPerMinute=1000000 \
  --Logging:LogLevel:Default=Warning > "${work}/mediahost.log" 2>&1 &
host=$!
trap 'kill ${host} 2>/dev/null || true; rm -rf "${work}"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:${http_port}/health" >/dev/null && break; sleep 0.2; done
cp bench/Benchmarks/Sip/sipp-load-call.xml "${work}/"
(cd "${work}" && sipp "127.0.0.1:${sip_port}" -sf sipp-load-call.xml -i 127.0.0.1 -bind_local -r "${rate}" -m "${calls}" -l 2000 \
   -timeout 120s -trace_rtt -rtt_freq 1 -trace_stat -fd 1 -nostdin 2>&1 | tail -45) || true
python3 - "${work}" <<'PY'
import glob, sys
values = []
for path in glob.glob(sys.argv[1] + "/*_rtt.csv"):
    for line in open(path).read().splitlines()[1:]:
        parts = line.split(";")
        if len(parts) >= 3:
            try: values.append(float(parts[1]))
            except ValueError: pass
values.sort()
if values:
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    print(f"INVITE->200 response time over {len(values)} calls: p50 {pick(0.50):.2f} ms, p95 {pick(0.95):.2f} ms, p99 {pick(0.99):.2f} ms, max {values[-1]:.2f} ms")
stat = glob.glob(sys.argv[1] + "/*_.csv")
PY
curl -s "http://127.0.0.1:${http_port}/metrics" | grep -E "sip_calls_total|INVITE\",code=\"(200|503)|active" || true
