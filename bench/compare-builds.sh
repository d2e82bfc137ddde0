#!/usr/bin/env bash
# Old build beside new build in one session (issue 14: "the media capacity run and the SIP parse benchmark do not
# regress"). Builds both commits in Release in temporary git worktrees under /tmp (removed at the end), then runs
#   - the media capacity run (bench/media-capacity.sh's own command: `VoiceFunctions.Benchmarks.dll media-capacity
#     CALLS SECONDS`, each build running its own commit's bench) alternately old/new/old/new, ROUNDS rounds, and
#   - the SIP parse/serialize BenchmarkDotNet benchmark (short job, in process) for each build,
# and prints one side-by-side table. It records nothing: copy the table into bench/results by hand, with the load
# average it prints (a side-by-side run is only telling on a quiet machine).
#   bench/compare-builds.sh <before-commit> [after-commit=HEAD]
#   CALLS=100 ROUNDS=1 SECONDS_PER_RUN=10 bench/compare-builds.sh 50b16a5    # smoke run on a busy machine
# Defaults: CALLS=500 SECONDS_PER_RUN=20 ROUNDS=2. It prints its duration split into builds / capacity / SIP. On the
# quiet 2-core machine expect about 8-10 minutes (two clean Release builds of bench/Benchmarks, which also builds the
# local control-plane host, ~2 min each; four capacity runs ~45 s each; two short BenchmarkDotNet jobs ~40 s each).
# On the shared machine at load 40-65 a smoke run (CALLS=50 ROUNDS=1 SECONDS_PER_RUN=5) took 9.8 min, 8.1 of them the builds.
# The run's detail lines (clock lag, GC, generator) go to stderr; the table to stdout.
set -euo pipefail
if [[ $# -lt 1 || $# -gt 2 ]]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
old=$(git -C "$repo" rev-parse --verify "$1^{commit}")
new=$(git -C "$repo" rev-parse --verify "${2:-HEAD}^{commit}")
calls=${CALLS:-500}
seconds=${SECONDS_PER_RUN:-20}
rounds=${ROUNDS:-2}
work=$(mktemp -d /tmp/compare-builds.XXXXXX)
started=$SECONDS

cleanup() {
  for side in old new; do
    [[ -d "$work/$side" ]] && git -C "$repo" worktree remove --force "$work/$side" 2>/dev/null || true
  done
  rm -rf "$work"
  git -C "$repo" worktree prune
}
trap cleanup EXIT

commit_of() { if [[ $1 == old ]]; then echo "$old"; else echo "$new"; fi; }
dll_of() { echo "$work/$1/bench/Benchmarks/bin/Release/net10.0/VoiceFunctions.Benchmarks.dll"; }
load() { uptime | sed 's/.*load average: *//'; }

echo "date: $(date -u)" >&2
echo "load average at the start: $(load)" >&2
for side in old new; do
  echo "building $side ($(git -C "$repo" log -1 --format='%h %s' "$(commit_of $side)" | cut -c1-90)) in $work/$side" >&2
  git -C "$repo" worktree add --detach -q "$work/$side" "$(commit_of $side)"
  # Analyzers check the source, not the binaries: skipping them here shortens each build and changes no IL measured.
  if ! dotnet build -c Release -p:RunAnalyzers=false "$work/$side/bench/Benchmarks" -v q -nologo >"$work/build-$side.log" 2>&1; then
    tail -30 "$work/build-$side.log" >&2
    echo "the $side build failed" >&2
    exit 1
  fi
done
built_at=$SECONDS

# The capacity run's table row, as bench/media-capacity.sh prints it: | calls | tried | late % (...) | wire | CPU % |
# generator CPU | managed KiB | working set KiB | in delay | out delay | queued ahead | overload |. Kept per run: late %,
# host CPU %, managed KiB, overload.
for round in $(seq 1 "$rounds"); do
  for side in old new; do
    echo "capacity run: $side, round $round of $rounds, $calls calls, ${seconds} s window (load average $(load))" >&2
    out="$work/media-$side-$round.txt"
    (cd "$work/$side" && dotnet "$(dll_of $side)" media-capacity "$calls" "$seconds" 2>/dev/null) >"$out" || true
    grep -v '^|' "$out" | sed 's/^/    /' >&2 || true
    grep '^|' "$out" | awk -F'|' '{ split($4, late, " "); gsub(/[^0-9.]/, "", $6); gsub(/[^0-9.]/, "", $8); gsub(/^ +| +$/, "", $13);
        printf "%s\t%s\t%s\t%s\n", late[1], $6, $8, $13 }' >>"$work/media-$side.tsv" || true
    if ! grep -q '^|' "$out"; then printf 'failed\tfailed\tfailed\tfailed\n' >>"$work/media-$side.tsv"; fi
  done
done
media_at=$SECONDS

for side in old new; do
  echo "SIP parse benchmark: $side (load average $(load))" >&2
  (cd "$work/$side/bench/Benchmarks" && dotnet "$(dll_of $side)" --filter '*SipParseSerializeBenchmark*' --job short --inProcess \
    --exporters json --artifacts "$work/sip-$side" >"$work/sip-$side.log" 2>&1) || { tail -20 "$work/sip-$side.log" >&2; }
  report=$(ls "$work/sip-$side"/results/*SipParseSerializeBenchmark*.json 2>/dev/null | head -1 || true)
  if [[ -n $report ]]; then
    jq -r '.Benchmarks[] | [.Method, (.Statistics.Mean // "nan"), (.Statistics.StandardDeviation // "nan"), (.Memory.BytesAllocatedPerOperation // "nan")] | @tsv' \
      "$report" >"$work/sip-$side.tsv"
  else
    : >"$work/sip-$side.tsv"
  fi
done

# One column per build: each run's value, then their mean; the last column compares the means.
runs() { cut -f"$2" "$work/media-$1.tsv" | paste -sd/ | sed 's#/# / #g'; }
mean() { cut -f"$2" "$work/media-$1.tsv" | awk '$1 != "failed" { s += $1; n++ } END { if (n) printf "%.3f", s / n; else printf "n/a" }' | sed '/\./s/0*$//; s/\.$//'; }
change() { awk -v a="$1" -v b="$2" -v unit="$3" 'BEGIN { if (a == "n/a" || b == "n/a" || a == "" || b == "") { print "n/a"; exit }
  if (unit == "pts") printf "%+.3f pts", b - a; else if (a == b) print "="; else if (a == 0) print "n/a"; else printf "%+.1f %%", 100 * (b - a) / a }'; }
# "each run / ... (mean)" with the unit after each figure.
cell() { echo "$(runs "$1" "$2")$3$([[ $rounds -gt 1 ]] && echo " (mean $(mean "$1" "$2")$3)")"; }
media_row() {
  local label=$1 field=$2 unit=$3 suffix=$4
  printf '| %s | %s | %s | %s |\n' "$label" "$(cell old "$field" "$suffix")" "$(cell new "$field" "$suffix")" \
    "$(change "$(mean old "$field")" "$(mean new "$field")" "$unit")"
}
sip_field() { awk -F'\t' -v m="$2" -v f="$3" '$1 == m { print $f }' "$work/sip-$1.tsv"; }

echo
echo "old: $(git -C "$repo" log -1 --format='%h (%ad) %s' --date=short "$old" | cut -c1-100)"
echo "new: $(git -C "$repo" log -1 --format='%h (%ad) %s' --date=short "$new" | cut -c1-100)"
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version); load average at the end: $(load)"
echo "command: bench/compare-builds.sh ${old:0:7} ${new:0:7} (CALLS=$calls SECONDS_PER_RUN=$seconds ROUNDS=$rounds; capacity runs alternate old/new)"
echo
echo "| measure | old ${old:0:7} | new ${new:0:7} | new vs old |"
echo "| --- | ---: | ---: | ---: |"
media_row "capacity, $calls calls: late frames (each run, old and new alternating)" 1 pts " %"
media_row "capacity: host CPU per call (% of a core)" 2 rel " %"
media_row "capacity: managed memory per call" 3 rel " KiB"
printf '| capacity: 1.5x overload | %s | %s | |\n' "$(cut -f4 "$work/media-old.tsv" | paste -sd';' | sed 's/;/; /g')" "$(cut -f4 "$work/media-new.tsv" | paste -sd';' | sed 's/;/; /g')"
for method in $(cut -f1 "$work/sip-old.tsv" "$work/sip-new.tsv" | awk '!seen[$0]++'); do
  old_mean=$(sip_field old "$method" 2); new_mean=$(sip_field new "$method" 2)
  old_sd=$(sip_field old "$method" 3); new_sd=$(sip_field new "$method" 3)
  old_alloc=$(sip_field old "$method" 4); new_alloc=$(sip_field new "$method" 4)
  printf '| SIP %s: mean ± sd | %s | %s | %s |\n' "$method" \
    "$(awk -v m="${old_mean:-nan}" -v s="${old_sd:-nan}" 'BEGIN { if (m == "nan") print "n/a"; else printf "%.2f µs ± %.2f", m / 1000, s / 1000 }')" \
    "$(awk -v m="${new_mean:-nan}" -v s="${new_sd:-nan}" 'BEGIN { if (m == "nan") print "n/a"; else printf "%.2f µs ± %.2f", m / 1000, s / 1000 }')" \
    "$(change "${old_mean:-n/a}" "${new_mean:-n/a}" rel)"
  printf '| SIP %s: allocated | %s B | %s B | %s |\n' "$method" "${old_alloc:-n/a}" "${new_alloc:-n/a}" \
    "$(change "${old_alloc:-n/a}" "${new_alloc:-n/a}" rel)"
done
echo
echo "duration: $((SECONDS - started)) s (builds $((built_at - started)) s, capacity runs $((media_at - built_at)) s, SIP benchmark $((SECONDS - media_at)) s)"
