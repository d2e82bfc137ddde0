#!/usr/bin/env bash
# LiveKit webhook verify+parse: ours (C#, BenchmarkDotNet) against the official Node SDK's
# WebhookReceiver.receive, over the same 1,000 signed deliveries, both pinned to one core (taskset -c 0).
# Also runs the token mint/verify benchmarks. Prints ops/s for each; record them in bench/results/livekit.md.
# Usage: bench/livekit-webhooks.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d tests/node/node_modules/livekit-server-sdk ]; then
  (cd tests/node && npm ci --no-audit --no-fund)
fi

work=$(mktemp -d)
# The corpus holds an API secret made for this run only: never keep it.
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT

dotnet build bench/Benchmarks -c Release --nologo -v quiet >/dev/null
dotnet build bench/LiveKitCpu -c Release --nologo -v quiet >/dev/null
node tests/node/bench-livekit-webhooks.mjs corpus "$work/corpus.json"

node_version=$(node -p 'require("./tests/node/node_modules/livekit-server-sdk/package.json").version')
echo "== Node SDK $node_version WebhookReceiver.receive, node $(node --version), taskset -c 0 (run before and after the C# run; the machine may be shared)"
taskset -c 0 node tests/node/bench-livekit-webhooks.mjs measure "$work/corpus.json" | tee "$work/node-before.json"

echo "== C# (BenchmarkDotNet, in-process toolchain), taskset -c 0"
LIVEKIT_WEBHOOK_CORPUS="$work/corpus.json" taskset -c 0 \
  dotnet bench/Benchmarks/bin/Release/net10.0/VoiceFunctions.Benchmarks.dll \
  --filter '*LiveKit*' --inProcess --warmupCount 3 --iterationCount 15 \
  --artifacts "$work/bdn" --exporters csv >"$work/bdn.log" 2>&1 \
  || { tail -50 "$work/bdn.log"; exit 1; }
sed -n '/^| Method/,/^$/p' "$work/bdn.log"

echo "== C# WebhookReceiver, same schedule as the Node script (wall and CPU time), taskset -c 0"
taskset -c 0 dotnet bench/LiveKitCpu/bin/Release/net10.0/VoiceFunctions.LiveKitCpu.dll "$work/corpus.json" | tee "$work/csharp-cpu.json"

echo "== Node SDK again"
taskset -c 0 node tests/node/bench-livekit-webhooks.mjs measure "$work/corpus.json" | tee "$work/node-after.json"

python3 - "$work" <<'PY'
import csv, glob, json, re, sys
work = sys.argv[1]
scale = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
ours = {}
for path in glob.glob(f"{work}/bdn/results/*-report.csv"):
    for row in csv.DictReader(open(path, encoding="utf-8")):
        match = re.match(r"([\d.,]+)\s*(\S+)", row["Mean"])
        if match:
            value, unit = match.groups()
            ours[row["Method"]] = 1.0 / (float(value.replace(",", "")) * scale[unit])
# The better of the two Node runs, so load on a shared machine cannot flatter our ratio.
runs = [json.load(open(f"{work}/node-{when}.json")) for when in ("before", "after")]
node_ops = max(r["opsPerSecond"] for r in runs)
node_cpu = min(r["cpuMicrosecondsPerOp"] for r in runs)
cpu = json.load(open(f"{work}/csharp-cpu.json"))
print()
print(f"{'benchmark':<48}{'ops/s':>12}{'CPU us/op':>12}")
for name, ops in sorted(ours.items()):
    print(f"{'C# ' + name + ' (BenchmarkDotNet)':<48}{ops:>12,.0f}{'':>12}")
print(f"{'C# webhook verify+parse (same loop as Node)':<48}{cpu['opsPerSecond']:>12,.0f}{cpu['cpuMicrosecondsPerOp']:>12.1f}")
print(f"{'Node SDK WebhookReceiver.receive (better run)':<48}{node_ops:>12,.0f}{node_cpu:>12.1f}")
print()
if "VerifyAndParse" in ours:
    print(f"webhook verify+parse, C# / Node, wall ops/s (BenchmarkDotNet): {ours['VerifyAndParse'] / node_ops:.1f}x (target >= 5x)")
print(f"webhook verify+parse, C# / Node, wall ops/s (same loop):       {cpu['opsPerSecond'] / node_ops:.1f}x")
print(f"webhook verify+parse, Node / C#, CPU time per delivery:        {node_cpu / cpu['cpuMicrosecondsPerOp']:.1f}x")
PY
