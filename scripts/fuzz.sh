#!/usr/bin/env bash
# Coverage-guided fuzzing of the SIP and SDP parsers, the SIP-over-TLS stream framing and the SRTP/SRTCP unprotect
# path with afl-fuzz and SharpFuzz.
# Usage: scripts/fuzz.sh [sip|sdp|tls-stream|srtp|all] [seconds per target]     (default: all 30)
#   The test command runs `all 15`; run longer on demand, e.g. `scripts/fuzz.sh all 3600`.
# Builds the harness (tests/Fuzz) into a private folder, instruments that folder's COPY of
# VoiceFunctions.MediaHost.dll (the normal build output is never touched), then runs afl-fuzz for the given time
# per target with its findings in a temporary folder. Exits 1 when afl-fuzz saved any crash (a parser threw or an
# invariant of tests/Fuzz broke) or any hang (one input took longer than FUZZ_TIMEOUT_MS, 10 s by default: a parser
# that slow on one small input is a denial of service, not machine load), and prints those inputs in hex.
# Prints, per target, the executions done, the rate and the paths (corpus entries) found, as
# `fuzz <target>: execs_done=N execs_per_sec=N corpus_count=N saved_crashes=N saved_hangs=N`.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

which_targets=${1:-all}
seconds=${2:-30}
timeout_ms=${FUZZ_TIMEOUT_MS:-10000}
case "$which_targets" in
  sip|sdp|tls-stream|srtp) targets=("$which_targets") ;;
  all) targets=(sip sdp tls-stream srtp) ;;
  *) echo "usage: scripts/fuzz.sh [sip|sdp|tls-stream|srtp|all] [seconds]" >&2; exit 2 ;;
esac
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz: seconds must be a positive whole number, got '$seconds'" >&2; exit 2; }
command -v afl-fuzz >/dev/null 2>&1 || { echo "fuzz: afl-fuzz is not on PATH (Debian package afl++; scripts/install-test-deps.sh installs it)" >&2; exit 2; }

echo "fuzz: restoring the sharpfuzz tool (.config/dotnet-tools.json)"
dotnet tool restore >/dev/null

build=$repo/.artifacts/fuzz/harness
rm -rf "$build"
echo "fuzz: publishing tests/Fuzz to $build"
dotnet publish tests/Fuzz/VoiceFunctions.Fuzz.csproj -c Release -o "$build" --nologo -v quiet >/dev/null
echo "fuzz: instrumenting the private copy of VoiceFunctions.MediaHost.dll"
dotnet tool run sharpfuzz "$build/VoiceFunctions.MediaHost.dll" >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/voicefunctions-fuzz.XXXXXX")
failed=0
for target in "${targets[@]}"; do
  out=$work/$target
  echo "fuzz: $target for ${seconds}s (findings in $out)"
  # No UI, no core pinning (the machine is shared), no core_pattern or CPU governor demands; the target is `dotnet`,
  # which carries no afl instrumentation marker itself (the instrumented code is in the dll), hence SKIP_BIN_CHECK.
  AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 \
  AFL_FORKSRV_INIT_TMOUT=120000 AFL_SKIP_CRASHES=0 \
    afl-fuzz -V "$seconds" -m none -t "$timeout_ms" -i "$repo/tests/Fuzz/corpus/$target" -o "$out" \
      -- dotnet "$build/VoiceFunctions.Fuzz.dll" "$target" >"$work/$target.log" 2>&1 || {
        echo "fuzz: afl-fuzz failed for $target; its last lines:" >&2
        tail -n 30 "$work/$target.log" >&2
        failed=1
        continue
      }
  stats=$out/default/fuzzer_stats
  if [ ! -f "$stats" ]; then
    echo "fuzz: afl-fuzz wrote no statistics for $target" >&2
    failed=1
    continue
  fi
  stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  echo "fuzz $target: execs_done=$(stat execs_done) execs_per_sec=$(stat execs_per_sec) corpus_count=$(stat corpus_count) saved_crashes=$(stat saved_crashes) saved_hangs=$(stat saved_hangs)"
  for kind in crashes hangs; do
    for file in "$out/default/$kind"/id:*; do
      [ -e "$file" ] || continue
      failed=1
      echo "fuzz $target: $kind/$(basename "$file") (hex):"
      od -An -tx1 -v "$file" | tr -d ' \n'
      echo
      echo "  replay: dotnet $build/VoiceFunctions.Fuzz.dll $target $file"
    done
  done
done

if [ "$failed" -ne 0 ]; then
  echo "fuzz: FAILED (findings kept in $work)" >&2
  exit 1
fi
rm -rf "$work"
echo "fuzz: no crash and no hang"
