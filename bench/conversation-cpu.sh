#!/usr/bin/env bash
# CPU per call (issue 15, "Measured", last bullet): what the MediaHost's process spends per call-second while the
# caller speaks and while the call is idle, over real SIP/RTP calls placed by sipp (PCMU).
#   bench/conversation-cpu.sh [N] [extra MediaHost settings as NAME=VALUE ...]   (default N=8; ≈ 2 min quiet)
# The MediaHost runs alone (Release, offline agent defaults, en-US: the pooled pocketsphinx streaming recogniser,
# Silero VAD behind the energy gate, the endpointer and end-of-turn scorer, the speexdsp front-end). Three windows of
# the same length (WINDOW_S, default 15 s), each CPU time of the process read from /proc (utime+stime, all threads;
# the pocketsphinx decoding threads also on their own, by thread name):
#   1. no calls (the host's own background: timers, GC, health), before the calls and again after them (mean of the two);
#   2. N idle calls: callers sending µ-law silence, after the greeting has played (the agent's re-prompt and hang-up on
#      silence are moved out of the run: AiLoop:Silence, 600 s / 1,200 s — otherwise they speak inside the window);
#   3. N speaking calls: callers talking without a pause longer than 100 ms (espeak-ng sentences with their pauses
#      cut to 100 ms, so no turn ends and no answer is synthesised inside the window): the recogniser decodes, the VAD
#      hears speech, the endpointer and pitch tracker follow the turn.
# Per call = (window - no-call window) / N / window length, printed in % of one core (10 % = 0.1 CPU-s per call-second).
# Speaking minus idle is what recognition + VAD + turn-taking cost per speaking caller. espeak-ng child processes (TTS)
# are not counted (none run inside the windows). Prints the figures; records nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-8}
shift || true
extra=("$@")
window=${WINDOW_S:-15}
lead=12          # seconds of caller silence before speech: the greeting (≈ 4 s) is over by then
work=$(mktemp -d /tmp/conversation-cpu.XXXXXX)
echo "date: $(date -u)"
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: bench/conversation-cpu.sh $n ${extra[*]:-} (window ${window} s)"
dotnet build MediaHost -c Release --nologo -v quiet -clp:ErrorsOnly > "$work/build.log" || { cat "$work/build.log"; exit 1; }
cp -r MediaHost/bin/Release/net10.0 "$work/bin"
echo "code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- MediaHost || echo ' + uncommitted changes')"
free_port() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM if sys.argv[1]=="udp" else socket.SOCK_STREAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"; }
mh_port=$(free_port tcp); mh_public_port=$(free_port tcp); sip_port=$(free_port udp)
rtp_min=$(( 20000 + (RANDOM % 49) * 200 )); rtp_max=$(( rtp_min + 199 ))
pids=()
stop_all() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done; }
trap 'stop_all' EXIT
env Sip__BindAddress=127.0.0.1 Sip__MediaBindAddress=127.0.0.1 Sip__UdpPort="$sip_port" Sip__TcpPort="$sip_port" \
  Rtp__PortMin="$rtp_min" Rtp__PortMax="$rtp_max" AiLoop__Language=en-US AiLoop__PocketsphinxStreaming__WarmDecoders="$n" \
  AiLoop__Silence__RepromptAfterSeconds=600 AiLoop__Silence__HangUpAfterSeconds=1200 Logging__LogLevel__VoiceFunctions.MediaHost.Agent=Debug InternalHttp__Url="http://127.0.0.1:$mh_port" "${extra[@]}" \
  dotnet "$work/bin/VoiceFunctions.MediaHost.dll" --urls "http://127.0.0.1:$mh_public_port" > "$work/mediahost.log" 2>&1 &
mh_pid=$!; pids+=("$mh_pid")
for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$mh_port/health" 2>/dev/null && break; kill -0 "$mh_pid" || { tail -20 "$work/mediahost.log"; exit 1; }; sleep 0.5; done
for _ in $(seq 1 240); do grep -q "recogniser is warm" "$work/mediahost.log" && break; sleep 0.5; done

# Speech with no pause over 100 ms: five espeak-ng sentences, their silences cut, looped to cover the window.
text="I would like to know your opening hours and the price of a consultation for next Monday morning, and whether I can pay by card when I come to the office with my booking reference"
espeak-ng -v en-us -s 150 -w "$work/speech.wav" "$text"
sox "$work/speech.wav" -r 8000 -c 1 "$work/speech8.wav" silence -l 1 0.02 -45d -1 0.1 -45d
speech_s=$(soxi -D "$work/speech8.wav")
repeats=$(python3 -c "import math; print(math.ceil(($window + 6) / $speech_s))")
sox "$work/speech8.wav" "$work/speech-long.wav" repeat $(( repeats - 1 ))
sox "$work/speech-long.wav" -r 8000 -c 1 -e mu-law -t raw "$work/speaking.audio" pad "$lead" 2
sox -n -r 8000 -c 1 -e mu-law -t raw "$work/idle.audio" trim 0 "$(( lead + window + 8 ))"
call_ms=$(( (lead + window + 6) * 1000 ))
for kind in idle speaking; do
  sed -e "s/\[call_ms\]/$call_ms/" -e "s/caller.audio/$kind.audio/" scripts/demo/caller.xml > "$work/caller-$kind.xml"
done

ticks() { awk '{print $14+$15}' "/proc/$mh_pid/stat"; }
decoding_ticks() { local t=0; for d in /proc/"$mh_pid"/task/*; do if grep -q '^pocketsphinx de' "$d/comm" 2>/dev/null; then t=$(( t + $(awk '{print $14+$15}' "$d/stat") )); fi; done; echo "$t"; }
hz=$(getconf CLK_TCK)
measure() { # label -> "total decoding" ticks over the window
  local a b da db
  a=$(ticks); da=$(decoding_ticks); sleep "$window"; b=$(ticks); db=$(decoding_ticks)
  echo "$(( b - a )) $(( db - da ))"
}
run_calls() { # kind (in the foreground: returns when the calls have hung up)
  (cd "$work" && timeout $(( lead + window + 60 )) sipp "127.0.0.1:$sip_port" -sf "caller-$1.xml" -i 127.0.0.1 -p "$(free_port udp)" -mi 127.0.0.1 -mp "$(free_port udp)" \
     -m "$n" -l "$n" -r "$n" -timeout $(( lead + window + 40 ))s -nostdin -bind_local > "sipp-$1.log" 2>&1) && echo 0 || echo $?
}
# Warm-up: one call of each kind (JIT, the greeting's TTS cache, a decoder's first utterance).
n_saved=$n; n=1
for kind in idle speaking; do run_calls "$kind" > /dev/null; done
n=$n_saved
sleep 2
read -r base_total base_dec < <(measure)
declare -A total dec ended
for kind in idle speaking; do
  from=$(wc -l < "$work/mediahost.log")
  # The window opens 1 s after the callers' speech would start (calls set up, greetings played) and is measured
  # in the background while sipp runs the calls in the foreground.
  ( sleep $(( lead + 1 )); measure > "$work/window-$kind.txt" ) &
  window_pid=$!
  rc=$(run_calls "$kind")
  wait "$window_pid"
  read -r t d < "$work/window-$kind.txt"
  total[$kind]=$t; dec[$kind]=$d
  ended[$kind]=$(tail -n +"$from" "$work/mediahost.log" | grep -c '"EventId":6014' || true)
  echo "sipp $kind ($n calls): exit $rc (0 = every call completed)"
  sleep 2
done
# The host alone again, after the calls: the first window can still hold the warm-up's after-effects (tiered JIT, GC),
# so the per-call figures subtract the mean of the two (both are printed).
sleep 3
read -r after_total after_dec < <(measure)
echo "host alone: before the calls $base_total ticks (decoding $base_dec), after them $after_total (decoding $after_dec)"
base_total=$(( (base_total + after_total) / 2 )); base_dec=$(( (base_dec + after_dec) / 2 ))
python3 - "$n" "$window" "$hz" "$base_total" "$base_dec" "${total[idle]}" "${dec[idle]}" "${total[speaking]}" "${dec[speaking]}" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys
n, window, hz = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
base_t, base_d, idle_t, idle_d, speak_t, speak_d = (int(x) for x in sys.argv[4:10])
load = sys.argv[10]
def pct(ticks): return 100.0 * ticks / hz / window
def per_call(ticks, base): return 100.0 * (ticks - base) / hz / window / n
print()
print("| calls | no calls (host alone) | per idle call | per speaking call | of which pocketsphinx decoding | speaking − idle (recognition + VAD + turn-taking) | load avg |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | --- |")
print(f"| {n} | {pct(base_t):.1f} % of a core | {per_call(idle_t, base_t):.2f} % | {per_call(speak_t, base_t):.2f} % | {per_call(speak_d, base_d):.2f} % | "
      f"{(per_call(speak_t, base_t) - per_call(idle_t, base_t)):.2f} % | {load} |")
print(f"(% of one core per call; window {window:.0f} s; process CPU utime+stime; CLK_TCK {hz:.0f}: one tick = {100.0 / hz / window / n:.3f} % per call)")
PY
echo "caller turns ended by silence inside the windows (0 expected: an ended turn adds an answer's TTS and playback): idle ${ended[idle]}, speaking ${ended[speaking]}"
echo "work folder: $work"
