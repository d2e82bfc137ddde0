#!/usr/bin/env python3
"""One load step of bench/system-load.sh: reads back the calls placed since a time from the control plane's API and
the MediaHost's metrics before/after, prints one markdown table row (and details), exits 0 when the step passed:
no lost call (every sipp call succeeded, every record finalized as Completed) and at most 0.1 % late frames."""
import json, re, sys, time, urllib.parse, urllib.request

(port, key, day, n, since, cpu_ticks, hz, rss_idle, rss_file, sipp_log, metrics_before, metrics_after, call_seconds) = sys.argv[1:]
n, call_seconds = int(n), float(call_seconds)

def get(path):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"x-functions-key": key})
    return json.load(urllib.request.urlopen(req, timeout=30))

def calls_since():
    calls, token = [], None
    while True:
        page = get(f"/api/calls?day={day}&pageSize=100" + (f"&continuation={urllib.parse.quote(token)}" if token else ""))
        calls += [c for c in page["calls"] if c["startedAt"][:23] >= since]
        token = page.get("continuation")
        if not token:
            return calls

def metrics(path):
    values = {}
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        name, _, value = line.rpartition(" ")
        try:
            values[name] = values.get(name, 0.0) + float(value)
        except ValueError:
            pass
    return values

def total(values, prefix):
    return sum(v for k, v in values.items() if k.split("{")[0] == prefix)

def delivery_buckets(values):
    """Cumulative counts per le bound of the event-delivery histogram, summed over event types."""
    buckets = {}
    for k, v in values.items():
        m = re.match(r'^voicefunctions_calls_event_delivery\w*_bucket\{(.*)\}$', k)
        if m:
            le = re.search(r'le="([^"]+)"', m.group(1)).group(1)
            buckets[float("inf") if le == "+Inf" else float(le)] = buckets.get(float("inf") if le == "+Inf" else float(le), 0.0) + v
    return buckets

deadline = time.time() + (90 if n else 0)
while True:
    calls = calls_since()
    final = [c for c in calls if c["outcome"] != "InProgress"]
    if len(final) >= n or time.time() > deadline:
        break
    time.sleep(1)
details = [get(f"/api/calls/{urllib.parse.quote(c['callId'])}") for c in final]
completed = [d for d in details if d["record"]["outcome"] == "Completed"]
answered = [d for d in completed if any(t.get("callerText") and t.get("agentText") for t in d["turns"])]
v2v = sorted(t["responseLatencyMs"] for d in details for t in d["turns"] if t.get("responseLatencyMs") and t.get("callerText"))
p95 = v2v[min(len(v2v) - 1, int(0.95 * len(v2v)))] if v2v else None

sipp = open(sipp_log).read()
ok = re.findall(r"Successful call\s*\|\s*\d+\s*\|\s*(\d+)", sipp)
failed = re.findall(r"Failed call\s*\|\s*\d+\s*\|\s*(\d+)", sipp)
sipp_ok = int(ok[-1]) if ok else 0

before, after = metrics(metrics_before), metrics(metrics_after)
ticks = total(after, "voicefunctions_rtp_clock_ticks_total") - total(before, "voicefunctions_rtp_clock_ticks_total")
late = total(after, "voicefunctions_rtp_clock_late_ticks_total") - total(before, "voicefunctions_rtp_clock_late_ticks_total")
late_pct = 100.0 * late / ticks if ticks else float("nan")
b0, b1 = delivery_buckets(before), delivery_buckets(after)
delta = sorted((le, b1.get(le, 0.0) - b0.get(le, 0.0)) for le in b1)
events = delta[-1][1] if delta else 0
p99 = next((le for le, c in delta if events and c >= 0.99 * events), None)

rss = [int(x) for x in open(rss_file).read().split()] or [int(rss_idle)]
cpu_s = int(cpu_ticks) / int(hz)
passed = sipp_ok == n and len(final) == n and len(completed) == n and late_pct <= 0.1
per_call = max(n, 1)
print(f"| {n} | {sipp_ok}/{n} | {len(final)}/{n} ({len(completed)} Completed) | {len(answered)}/{n} | {late:.0f}/{ticks:.0f} = {late_pct:.3f} % "
      f"| {cpu_s / per_call:.2f} | {(max(rss) - int(rss_idle)) / 1024 / per_call:.1f} (idle {int(rss_idle) // 1024}, peak {max(rss) // 1024}) "
      f"| {'≤ %g ms' % p99 if p99 is not None else '—'} ({events:.0f} events) | {f'{p95} ms' if p95 is not None else '—'} ({len(v2v)} turns) | {'pass' if passed else 'FAIL'} |")
sys.exit(0 if passed else 1)
