#!/usr/bin/env bash
# Turn-taking figures (issue 15) over real SIP/RTP: premature cut-offs on utterances with a 0.4-1.2 s pause inside
# the sentence (en and ru, espeak-ng with inserted silence), and the end-of-turn delay after a complete question.
#   bench/conversation-load-turns.sh            (≈ 3 min: Release build, then per language one sipp call per utterance, all at once)
# Per call the agent's own timeline (Debug log 6013) gives its end of speech and endpoint; the call's media start is the
# first frame of its greeting. A cut-off = the first caller turn's end of speech lies before the pause's end (the agent
# took the first half as the whole turn). End-of-turn delay = endpoint - end of speech for the complete questions.
# Prints the figures; records nothing. Targets: cut-offs <= 5 %, end-of-turn delay after a complete question p50 <= 350 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/conversation-turns.XXXXXX)
echo "date: $(date -u)"
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build MediaHost -c Release --nologo -v quiet -clp:ErrorsOnly > "$work/build.log" || { cat "$work/build.log"; exit 1; }
cp -r MediaHost/bin/Release/net10.0 "$work/bin"
echo "code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- MediaHost || echo ' + uncommitted changes')"
free_port() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM if sys.argv[1]=="udp" else socket.SOCK_STREAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"; }

# name|lead seconds|voice|first half|pause ms|second half ("" = a complete question, no pause)
en_set=(
  "en-q1|4|en-us|What are your opening hours?|0|"
  "en-q2|4|en-us|How much does it cost?|0|"
  "en-q3|4|en-gb|When do you open?|0|"
  "en-q4|4|en-us|Can I talk to a human?|0|"
  "en-p1|4|en-us|I would like to know|400|your opening hours."
  "en-p2|4|en-us|Can you tell me|800|the price."
  "en-p3|4|en-gb|I want to speak|1200|to a person."
  "en-p4|4|en-us|What time do you|400|open tomorrow?"
  "en-p5|4|en-gb|How much is|800|a consultation?"
  "en-p6|4|en-us|And what about|1200|the weekend?"
  "en-p7|4|en-us|My number is one two three|800|four five six."
  "en-p8|4|en-gb|Tell me please|1200|when you close."
)
ru_set=(
  "ru-p1|8|ru|Скажите пожалуйста|400|когда вы открыты."
  "ru-p2|8|ru|Я хотел бы узнать|800|сколько стоит консультация."
  "ru-p3|8|ru|Соедините меня|1200|с оператором."
  "ru-p4|8|ru|А в субботу и|400|в воскресенье вы работаете?"
  "ru-p5|8|ru|Мой номер один два три|800|четыре пять шесть."
  "ru-p6|8|ru|Подскажите|1200|до скольки вы работаете."
)

run_language() { # language set...
  local language=$1; shift
  local mh_port mh_public_port sip_port rtp_min rtp_max
  mh_port=$(free_port tcp); mh_public_port=$(free_port tcp); sip_port=$(free_port udp)
  rtp_min=$(( 20000 + (RANDOM % 49) * 200 )); rtp_max=$(( rtp_min + 199 ))
  env Sip__BindAddress=127.0.0.1 Sip__MediaBindAddress=127.0.0.1 Sip__UdpPort="$sip_port" Sip__TcpPort="$sip_port" \
    Rtp__PortMin="$rtp_min" Rtp__PortMax="$rtp_max" AiLoop__Language="$language" AiLoop__PocketsphinxStreaming__WarmDecoders=16 \
    Logging__LogLevel__VoiceFunctions.MediaHost.Agent=Debug InternalHttp__Url="http://127.0.0.1:$mh_port" \
    dotnet "$work/bin/VoiceFunctions.MediaHost.dll" --urls "http://127.0.0.1:$mh_public_port" > "$work/mediahost-$language.log" 2>&1 &
  local mh_pid=$!
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$mh_port/health" 2>/dev/null && break; sleep 0.5; done
  for _ in $(seq 1 240); do grep -q "recogniser is warm" "$work/mediahost-$language.log" && break; sleep 0.5; done
  : > "$work/calls-$language.tsv"
  local pids=()
  for item in "$@"; do
    IFS='|' read -r name lead voice first pause second <<< "$item"
    local dir="$work/$name"; mkdir -p "$dir"
    espeak-ng -v "$voice" -s 150 -w "$dir/a.wav" "$first"
    if [ -n "$second" ]; then
      espeak-ng -v "$voice" -s 150 -w "$dir/b.wav" "$second"
      sox "$dir/a.wav" "$dir/a-trimmed.wav" reverse silence 1 0.02 -50d reverse   # the pause is exactly the inserted silence
      sox "$dir/b.wav" "$dir/b-trimmed.wav" silence 1 0.02 -50d
      sox "$dir/a-trimmed.wav" -r 8000 -c 1 "$dir/a8.wav"; sox "$dir/b-trimmed.wav" -r 8000 -c 1 "$dir/b8.wav"
      sox "$dir/a8.wav" -p pad 0 "$(awk "BEGIN{print $pause/1000}")" | sox - "$dir/b8.wav" "$dir/utterance.wav"
      first_end=$(soxi -D "$dir/a8.wav")
    else
      sox "$dir/a.wav" -r 8000 -c 1 "$dir/utterance.wav"
      first_end=0
    fi
    total=$(soxi -D "$dir/utterance.wav")
    sox "$dir/utterance.wav" -r 8000 -c 1 -e mu-law -t raw "$dir/caller.audio" pad "$lead" 8
    sed 's/\[call_ms\]/18000/' scripts/demo/caller.xml > "$dir/caller.xml"
    (cd "$dir" && timeout 120 sipp "127.0.0.1:$sip_port" -sf caller.xml -i 127.0.0.1 -p "$(free_port udp)" -mi 127.0.0.1 -mp "$(free_port udp)" \
       -m 1 -cid_str "$name-%u@%s" -timeout 60s -nostdin -bind_local > sipp.log 2>&1; echo $? > sipp.rc) &
    pids+=($!)
    sleep 0.2
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$lead" "$first_end" "$pause" "$total" >> "$work/calls-$language.tsv"
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  kill -TERM "$mh_pid" 2>/dev/null || true; wait "$mh_pid" 2>/dev/null || true
  python3 bench/conversation-load/turns_report.py "$language" "$work/calls-$language.tsv" "$work/mediahost-$language.log"
}
run_language en-US "${en_set[@]}"
run_language ru-RU "${ru_set[@]}"
echo "work folder: $work"
