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
# The faster of the two Node runs, so load on a shared machine cannot flatter our ratio.
node = max(json.load(open(f"{work}/node-{when}.json"))["opsPerSecond"] for when in ("before", "after"))
print()
print(f"{'benchmark':<40}{'ops/s':>14}")
for name, ops in sorted(ours.items()):
    print(f"{'C# ' + name:<40}{ops:>14,.0f}")
print(f"{'Node SDK WebhookReceiver.receive (best)':<40}{node:>14,.0f}")
if "VerifyAndParse" in ours:
    print(f"\nwebhook verify+parse: C# / Node = {ours['VerifyAndParse'] / node:.1f}x (target >= 5x)")
PY
