#!/usr/bin/env bash
# Turn-taking figures (issue 15) over real SIP/RTP: premature cut-offs on utterances with a 0.4-1.2 s pause inside
# the sentence (en and ru, espeak-ng with inserted silence), and the end-of-turn delay after a complete question.
#   bench/conversation-load-turns.sh [en|ru|both]   (≈ 3–4 min quiet: Release build, then per language one sipp call per
#   utterance, started 0.6 s apart so that a handful speak at once — turn-taking, not capacity, is measured here)
# English is heard by the offline recogniser (pocketsphinx streaming), so the end-of-turn scorer reads its partials —
# only once a partial has heard the pause. Russian has no offline recogniser: the English decoder's guesses are not
# read and silence alone ends the turn (AiLoop:Endpointing:SilenceWithoutWordsMs, 1.3 s).
# Per call the agent's own timeline (Debug log 6013) gives its end of speech and endpoint; the call's media start is the
# first frame of its greeting. A cut-off = the first caller turn's end of speech lies before the pause's end (the agent
# took the first half as the whole turn). End-of-turn delay = endpoint - end of speech for the complete questions.
# The first half is synthesised on its own with a trailing comma (HALVES=comma, the default): espeak-ng then ends it
# with the continuation rise a speaker uses mid-sentence, where without punctuation (HALVES=separate, sessions 6-7)
# it ends each half with a sentence-final fall, unlike a person pausing to think. Its own comma pause is trimmed.
# Prints the figures; records nothing. Targets: cut-offs <= 5 %, end-of-turn delay after a complete question p50 <= 350 ms. Extra arguments after the language
# are MediaHost settings (NAME=VALUE) for both runs.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
shift || true
extra=("$@")
spacing=0.6
halves=${HALVES:-comma}
case "$halves" in comma) first_suffix=",";; separate) first_suffix="";; *) echo "HALVES must be comma or separate" >&2; exit 2;; esac
work=$(mktemp -d /tmp/conversation-turns.XXXXXX)
echo "date: $(date -u)"
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build MediaHost -c Release --nologo -v quiet -clp:ErrorsOnly > "$work/build.log" || { cat "$work/build.log"; exit 1; }
cp -r MediaHost/bin/Release/net10.0 "$work/bin"
echo "halves: $halves (first half synthesised as \"<words>$first_suffix\")"
echo "code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- MediaHost || echo ' + uncommitted changes')"
free_port() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM if sys.argv[1]=="udp" else socket.SOCK_STREAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"; }

# name|lead seconds|voice|first half|pause ms|second half ("" = a complete question, no pause)
# The paused utterances pause where callers do: after a conjunction or preposition, a verb before its object, a
# question before its verb, inside a dictated number, after a filler, and (two per language, the hard case for a word
# scorer) after words that could end a sentence. Pauses cycle 400/800/1200 ms.
en_set=(
  "en-q1|4|en-us|What are your opening hours?|0|"
  "en-q2|4|en-us|How much does it cost?|0|"
  "en-q3|4|en-gb|When do you open?|0|"
  "en-q4|4|en-us|Can I talk to a human?|0|"
  "en-q5|4|en-gb|What is the price of a consultation?|0|"
  "en-q6|4|en-us|Where are you located?|0|"
  "en-p01|4|en-us|I would like to know|400|your opening hours."
  "en-p02|4|en-us|Can you tell me|800|the price."
  "en-p03|4|en-gb|I want to speak|1200|to a person."
  "en-p04|4|en-us|What time do you|400|open tomorrow?"
  "en-p05|4|en-gb|How much is|800|a consultation?"
  "en-p06|4|en-us|And what about|1200|the weekend?"
  "en-p07|4|en-us|My number is one two three|400|four five six."
  "en-p08|4|en-gb|Tell me please|800|when you close."
  "en-p09|4|en-us|I am calling because|1200|my order is late."
  "en-p10|4|en-gb|Could you check|400|my booking?"
  "en-p11|4|en-us|I need to book an appointment for|800|next Monday."
  "en-p12|4|en-us|Is it possible to|1200|come on Saturday?"
  "en-p13|4|en-gb|The reference number is four seven|400|two nine."
  "en-p14|4|en-us|I was wondering if|800|you are open on Sunday."
  "en-p15|4|en-gb|Do you have|1200|a free slot today?"
  "en-p16|4|en-us|Um|400|I would like to cancel my visit."
  "en-p17|4|en-us|Can I|800|pay by card?"
  "en-p18|4|en-gb|Please connect me|1200|with the operator."
  "en-p19|4|en-us|I need an appointment|400|for tomorrow morning."
  "en-p20|4|en-gb|I called yesterday|800|about my invoice."
)
# Russian callers start after 12 s: the keypad-menu greeting (no Russian recogniser) lasts about 10 s, and speaking
# over it is barge-in, not turn-taking.
ru_set=(
  "ru-q1|12|ru|Когда вы открыты?|0|"
  "ru-q2|12|ru|Сколько стоит консультация?|0|"
  "ru-q3|12|ru|Соедините с оператором.|0|"
  "ru-q4|12|ru|Вы работаете в субботу?|0|"
  "ru-p01|12|ru|Скажите пожалуйста|400|когда вы открыты."
  "ru-p02|12|ru|Я хотел бы узнать|800|сколько стоит консультация."
  "ru-p03|12|ru|Соедините меня|1200|с оператором."
  "ru-p04|12|ru|А в субботу и|400|в воскресенье вы работаете?"
  "ru-p05|12|ru|Мой номер один два три|800|четыре пять шесть."
  "ru-p06|12|ru|Подскажите|1200|до скольки вы работаете."
  "ru-p07|12|ru|Я звоню потому что|400|мой заказ задерживается."
  "ru-p08|12|ru|Можно записаться на|800|понедельник?"
  "ru-p09|12|ru|Сколько стоит|1200|консультация?"
  "ru-p10|12|ru|Мне нужно|400|поговорить с человеком."
  "ru-p11|12|ru|Э-э|800|я хотел бы отменить запись."
  "ru-p12|12|ru|Когда вы|1200|открываетесь завтра?"
  "ru-p13|12|ru|Скажите а|400|у вас есть парковка?"
  "ru-p14|12|ru|Код заказа семь восемь|800|два девять."
  "ru-p15|12|ru|Я хотела бы|1200|перенести встречу."
  "ru-p16|12|ru|Вы работаете в|400|выходные?"
  "ru-p17|12|ru|Можно ли|800|оплатить картой?"
  "ru-p18|12|ru|Соедините пожалуйста|1200|с бухгалтерией."
  "ru-p19|12|ru|Мне нужна запись|400|на завтра."
  "ru-p20|12|ru|Я вчера звонил|800|по поводу счёта."
)

run_language() { # language set...
  local language=$1; shift
  local mh_port mh_public_port sip_port rtp_min rtp_max
  mh_port=$(free_port tcp); mh_public_port=$(free_port tcp); sip_port=$(free_port udp)
  rtp_min=$(( 20000 + (RANDOM % 49) * 200 )); rtp_max=$(( rtp_min + 199 ))
  env Sip__BindAddress=127.0.0.1 Sip__MediaBindAddress=127.0.0.1 Sip__UdpPort="$sip_port" Sip__TcpPort="$sip_port" \
    Rtp__PortMin="$rtp_min" Rtp__PortMax="$rtp_max" AiLoop__Language="$language" AiLoop__PocketsphinxStreaming__WarmDecoders=8 \
    Logging__LogLevel__VoiceFunctions.MediaHost.Agent=Debug InternalHttp__Url="http://127.0.0.1:$mh_port" \
    "${extra[@]}" dotnet "$work/bin/VoiceFunctions.MediaHost.dll" --urls "http://127.0.0.1:$mh_public_port" > "$work/mediahost-$language.log" 2>&1 &
  local mh_pid=$!
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$mh_port/health" 2>/dev/null && break; sleep 0.5; done
  for _ in $(seq 1 240); do grep -q "recogniser is warm" "$work/mediahost-$language.log" && break; sleep 0.5; done
  : > "$work/calls-$language.tsv"
  local pids=()
  for item in "$@"; do
    IFS='|' read -r name lead voice first pause second <<< "$item"
    local dir="$work/$name"; mkdir -p "$dir"
    if [ -n "$second" ]; then
      espeak-ng -v "$voice" -s 150 -w "$dir/a.wav" "$first$first_suffix"
      espeak-ng -v "$voice" -s 150 -w "$dir/b.wav" "$second"
      sox "$dir/a.wav" "$dir/a-trimmed.wav" reverse silence 1 0.02 -50d reverse   # the pause is exactly the inserted silence
      sox "$dir/b.wav" "$dir/b-trimmed.wav" silence 1 0.02 -50d
      sox "$dir/a-trimmed.wav" -r 8000 -c 1 "$dir/a8.wav"; sox "$dir/b-trimmed.wav" -r 8000 -c 1 "$dir/b8.wav"
      sox "$dir/a8.wav" -p pad 0 "$(awk "BEGIN{print $pause/1000}")" | sox - "$dir/b8.wav" "$dir/utterance.wav"
      first_end=$(soxi -D "$dir/a8.wav")
    else
      espeak-ng -v "$voice" -s 150 -w "$dir/a.wav" "$first"
      sox "$dir/a.wav" -r 8000 -c 1 "$dir/utterance.wav"
      first_end=0
    fi
    total=$(soxi -D "$dir/utterance.wav")
    sox "$dir/utterance.wav" -r 8000 -c 1 -e mu-law -t raw "$dir/caller.audio" pad "$lead" 8
    sed "s/\[call_ms\]/$(( lead * 1000 + 14000 ))/" scripts/demo/caller.xml > "$dir/caller.xml"
    (cd "$dir" && timeout 120 sipp "127.0.0.1:$sip_port" -sf caller.xml -i 127.0.0.1 -p "$(free_port udp)" -mi 127.0.0.1 -mp "$(free_port udp)" \
       -m 1 -cid_str "$name-%u@%s" -timeout 60s -nostdin -bind_local > sipp.log 2>&1; echo $? > sipp.rc) &
    pids+=($!)
    sleep "$spacing"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$lead" "$first_end" "$pause" "$total" >> "$work/calls-$language.tsv"
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  kill -TERM "$mh_pid" 2>/dev/null || true; wait "$mh_pid" 2>/dev/null || true
  python3 bench/conversation-load/turns_report.py "$language" "$work/calls-$language.tsv" "$work/mediahost-$language.log"
}
[ "$which" = ru ] || run_language en-US "${en_set[@]}"
[ "$which" = en ] || run_language ru-RU "${ru_set[@]}"
echo "work folder: $work"
