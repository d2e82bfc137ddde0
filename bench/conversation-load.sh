#!/usr/bin/env bash
# Conversation load run (issue 15): voice-to-voice on the wire over real SIP/RTP at N concurrent calls.
#   bench/conversation-load.sh [N,N,...] [--codecs pcmu,g722] [extra MediaHost settings as NAME=VALUE ...]
#   (defaults: 1,16,32 and pcmu). Quiet-machine commands: `bench/conversation-load.sh 16 --codecs pcmu,g722` (≈ 4 min)
#   and `bench/conversation-load.sh 32` (≈ 3 min).
# Starts the MediaHost alone (Release, no control plane, offline agent: the pooled pocketsphinx streaming recogniser,
# Silero VAD, the end-of-turn scorer, the built-in scripted dialog as the language model, espeak-ng TTS behind the
# sentence cache), warms it with one call per codec, then for each codec and N places N concurrent sipp calls (the demo question
# "What are your opening hours?" after 4 s of silence) while tshark captures the RTP on loopback. PCMU callers stream
# µ-law with sipp's rtp_stream; sipp cannot encode G.722, so G.722 callers replay a pcap of RTP packets encoded with the
# MediaHost's own G.722 encoder (bench/G722Rtp, play_pcap_audio) and the agent's G.722 answers are decoded with its own
# decoder to find the voiced packets (our codec on both ends: a codec bug would not show here). Voice-to-voice is
# read off the capture: the caller's last voiced packet on the wire -> the agent's first voiced packet after it.
# The recogniser loads decoders for the largest N at start (AiLoop:PocketsphinxStreaming:WarmDecoders; a host sized
# for N callers speaking at once does the same) and the run waits for them: a cold decoder load is a second or more
# of CPU per decoder and is not what a caller of a running host waits for.
# Prints one markdown row per N for bench/results/conversation-load.md, and per N where the time goes (the agent's
# own timestamps, Debug log 6013, set against the capture). At most ~2 minutes per step.
set -euo pipefail
cd "$(dirname "$0")/.."
list=${1:-1,16,32}
shift || true
codecs=pcmu
if [ "${1:-}" = --codecs ]; then codecs=$2; shift 2; fi
extra=("$@")
work=$(mktemp -d /tmp/conversation-load.XXXXXX)
echo "date: $(date -u)"
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version)"
echo "command: bench/conversation-load.sh $list --codecs $codecs ${extra[*]:-}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "targets (issue 15, offline defaults, 2 cores): voice-to-voice p50 <= 700 ms and p95 <= 1.2 s at 16 concurrent calls, PCMU and G.722; 32 calls all answered within them; late frames <= 0.1 %"

dotnet build MediaHost -c Release --nologo -v quiet -clp:ErrorsOnly > "$work/build.log" || { cat "$work/build.log"; exit 1; }
cp -r MediaHost/bin/Release/net10.0 "$work/bin"   # the run uses this copy: a rebuild meanwhile does not touch it
if [[ ,$codecs, == *,g722,* ]]; then
  dotnet build bench/G722Rtp -c Release --nologo -v quiet -clp:ErrorsOnly > "$work/build-g722.log" || { cat "$work/build-g722.log"; exit 1; }
  cp -r bench/G722Rtp/bin/Release/net10.0 "$work/g722rtp"
fi
echo "code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- MediaHost || echo ' + uncommitted changes')"
free_port() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM if sys.argv[1]=="udp" else socket.SOCK_STREAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"; }
mh_port=$(free_port tcp); mh_public_port=$(free_port tcp); sip_port=$(free_port udp)
rtp_min=$(( 20000 + (RANDOM % 49) * 200 )); rtp_max=$(( rtp_min + 199 ))
largest=$(tr ',' '\n' <<< "$list" | sort -n | tail -1)

pids=()
stop_all() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done; }
trap 'stop_all' EXIT
env Sip__BindAddress=127.0.0.1 Sip__MediaBindAddress=127.0.0.1 Sip__UdpPort="$sip_port" Sip__TcpPort="$sip_port" \
  Rtp__PortMin="$rtp_min" Rtp__PortMax="$rtp_max" AiLoop__Language=en-US AiLoop__PocketsphinxStreaming__WarmDecoders="$largest" Logging__LogLevel__VoiceFunctions.MediaHost.Agent=Debug InternalHttp__Url="http://127.0.0.1:$mh_port" "${extra[@]}" \
  dotnet "$work/bin/VoiceFunctions.MediaHost.dll" --urls "http://127.0.0.1:$mh_public_port" > "$work/mediahost.log" 2>&1 &
mh_pid=$!; pids+=("$mh_pid")
for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$mh_port/health" 2>/dev/null && break; kill -0 "$mh_pid" || { tail -20 "$work/mediahost.log"; exit 1; }; sleep 0.5; done
for _ in $(seq 1 240); do grep -q "recogniser is warm" "$work/mediahost.log" && break; sleep 0.5; done
echo "recogniser: $(grep -o '"Message":"The offline recogniser is warm: [^"]*' "$work/mediahost.log" | cut -d'"' -f4 || echo 'not warm after 120 s')"

espeak-ng -v en-us -s 150 -w "$work/question.wav" "What are your opening hours?"
sox "$work/question.wav" -r 8000 -c 1 -e mu-law -t raw "$work/caller.audio" pad 4 8
sed 's/\[call_ms\]/14000/' scripts/demo/caller.xml > "$work/caller-pcmu.xml"
if [[ ,$codecs, == *,g722,* ]]; then
  sox "$work/question.wav" -r 16000 -c 1 -e signed -b 16 -t raw "$work/caller16k.raw" pad 4 8
  g722_last_voiced=$(dotnet "$work/g722rtp/VoiceFunctions.G722Rtp.dll" encode "$work/caller16k.raw" "$work/caller-g722.pcap")
  sed -e 's/m=audio \[rtpstream_audio_port\] RTP\/AVP 0 101/m=audio [media_port] RTP\/AVP 9 101/' -e 's/a=rtpmap:0 PCMU\/8000/a=rtpmap:9 G722\/8000/' \
      -e 's/<exec rtp_stream="caller.audio,1,0"\/>/<exec play_pcap_audio="caller-g722.pcap"\/>/' "$work/caller-pcmu.xml" > "$work/caller-g722.xml"
  grep -q 'G722/8000' "$work/caller-g722.xml" && grep -q play_pcap_audio "$work/caller-g722.xml" || { echo "scripts/demo/caller.xml changed: no G.722 scenario"; exit 1; }
  export G722_LAST_VOICED=$g722_last_voiced G722_TOOL="dotnet $work/g722rtp/VoiceFunctions.G722Rtp.dll"
fi
sipp_calls() { # count codec
  (cd "$work" && timeout 150 sipp "127.0.0.1:$sip_port" -sf "caller-$2.xml" -i 127.0.0.1 -p "$(free_port udp)" -mi 127.0.0.1 -mp "$(free_port udp)" \
     -m "$1" -l "$1" -r "$1" -timeout 120s -trace_err -nostdin -bind_local > sipp.log 2>&1) || true
}
cpu() { awk '{print $14+$15+$16+$17}' "/proc/$mh_pid/stat"; }
scrape() { curl -fsS "http://127.0.0.1:$mh_port/metrics" > "$1"; }

for codec in ${codecs//,/ }; do sipp_calls 1 "$codec"; done   # warm-up: JIT, decoders, the TTS sentence cache, each codec's path
sleep 2
echo
echo "| N concurrent | sipp OK | understood (hours reply) | voice-to-voice p50 | p95 | max | agent's own v2v p50 / p95 | endpointing wait / STT final after end of speech (means) | late frames | CPU-s per call | load avg |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for codec in ${codecs//,/ }; do
export CONVERSATION_CODEC=$codec
for n in ${list//,/ }; do
  scrape "$work/metrics-before.txt"; cpu_start=$(cpu); log_from=$(wc -l < "$work/mediahost.log")
  tshark -i lo -q -w "$work/rtp-$codec-$n.pcap" -f "udp portrange $rtp_min-$rtp_max or udp port $sip_port" > "$work/tshark.log" 2>&1 & cap=$!
  sleep 2
  sipp_calls "$n" "$codec"
  sleep 2
  kill -INT "$cap"; wait "$cap" 2>/dev/null || true
  cpu_end=$(cpu); scrape "$work/metrics-after.txt"
  tail -n +"$log_from" "$work/mediahost.log" > "$work/mediahost-$codec-$n.log"
  python3 bench/conversation-load/report.py "$n" "$work/rtp-$codec-$n.pcap" "$rtp_min" "$rtp_max" "$sip_port" "$work/caller.audio" "$work/sipp.log" \
    "$work/mediahost-$codec-$n.log" "$work/metrics-before.txt" "$work/metrics-after.txt" "$(( cpu_end - cpu_start ))" "$(getconf CLK_TCK)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  MediaHost peak RSS so far: $(awk '/VmHWM/{printf "%d MiB", $2/1024}' "/proc/$mh_pid/status")"
  cp "$work/sipp.log" "$work/sipp-$codec-$n.log"
done
done
echo "work folder (captures, logs): $work"
