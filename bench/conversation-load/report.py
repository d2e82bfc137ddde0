#!/usr/bin/env python3
"""One step of bench/conversation-load.sh: voice-to-voice read off the RTP capture, one markdown row.

For each call (one MediaHost RTP port, tied to its SIP Call-ID by the 200 OK's SDP): the caller's end of speech on the wire is the caller packet that carries the
last voiced 20 ms of caller.audio (found by RTP sequence number from the stream's first packet); the agent's answer is
the first voiced PCMU packet the MediaHost sent after it. A call is "answered" when such a packet came before the
caller hung up; it is "understood" when the MediaHost's log shows no provider failure for that Call-ID (the fallback
phrase) and the answer (voiced packets until 400 ms of quiet) is shorter than the no-match phrase (about 5 s) —
the reply "We are open every day." is about 1.5 s.
With CONVERSATION_CODEC=g722 the calls are G.722 (payload type 9): the caller's last voiced packet is G722_LAST_VOICED
(from the encoder that made the caller's pcap) and the packets' levels come from G722_TOOL ("levels": the MediaHost's
own G.722 decoder, per stream)."""
import os, re, statistics, subprocess, sys

(n, pcap, rtp_min, rtp_max, sip_port, caller_audio, sipp_log, host_log, metrics_before, metrics_after, cpu_ticks, hz, loadavg) = sys.argv[1:]
n, rtp_min, rtp_max, sip_port = int(n), int(rtp_min), int(rtp_max), int(sip_port)
VOICED_DBFS = -40.0  # espeak-ng speech is far above this; the agent's silence and the padding are digital silence


def ulaw_to_linear(byte):
    byte = ~byte & 0xFF
    sign, exponent, mantissa = byte & 0x80, (byte >> 4) & 0x07, byte & 0x0F
    sample = (((mantissa << 3) + 0x84) << exponent) - 0x84
    return -sample if sign else sample


ULAW = [ulaw_to_linear(b) for b in range(256)]


def level_dbfs(payload):
    if not payload:
        return -120.0
    mean_square = sum(ULAW[b] * ULAW[b] for b in payload) / len(payload)
    import math
    return 10 * math.log10(mean_square / (32768.0 * 32768.0)) if mean_square > 0 else -120.0


codec = os.environ.get("CONVERSATION_CODEC", "pcmu")
if codec == "g722":
    last_voiced = int(os.environ["G722_LAST_VOICED"])
else:
    audio = open(caller_audio, "rb").read()
    frames = [audio[i:i + 160] for i in range(0, len(audio) - 159, 160)]
    last_voiced = max(i for i, f in enumerate(frames) if level_dbfs(f) > VOICED_DBFS)

out = subprocess.run(["tshark", "-r", pcap, "-T", "fields", "-e", "frame.time_epoch", "-e", "udp.srcport", "-e", "udp.dstport",
                      "-e", "udp.payload"], capture_output=True, text=True, check=True).stdout
sdp = subprocess.run(["tshark", "-r", pcap, "-d", f"udp.port=={sip_port},sip", "-Y", "sip.Status-Code == 200 && sdp.media.port",
                      "-T", "fields", "-e", "sip.Call-ID", "-e", "sdp.media.port"], capture_output=True, text=True, check=True).stdout
call_of_port = {int(port.split(",")[0]): call_id for call_id, port in (l.split("\t") for l in sdp.splitlines() if "\t" in l)}
host_log_text = open(host_log, errors="replace").read()
failed_calls = set(re.findall(r"Call (\S+): provider failure", host_log_text))
to_agent, from_agent = {}, {}
if codec == "g722":
    levels = subprocess.run(os.environ["G722_TOOL"].split() + ["levels"], input=out, capture_output=True, text=True, check=True).stdout
    for line in levels.splitlines():
        t, src, dst, seq, level = line.split("\t")
        t, src, dst = float(t), int(src), int(dst)
        if rtp_min <= dst <= rtp_max:
            to_agent.setdefault(dst, []).append((t, int(seq), b""))
        elif rtp_min <= src <= rtp_max:
            from_agent.setdefault(src, []).append((t, float(level)))
for line in out.splitlines() if codec != "g722" else []:
    parts = line.split("\t")
    if len(parts) < 4 or not parts[3]:
        continue
    t, src, dst, data = float(parts[0]), int(parts[1]), int(parts[2]), bytes.fromhex(parts[3].replace(":", ""))
    if len(data) < 12 or data[0] >> 6 != 2 or data[1] & 0x7F != 0:
        continue  # not PCMU RTP (RTCP, telephone-event)
    header = 12 + 4 * (data[0] & 0x0F)
    seq, payload = int.from_bytes(data[2:4], "big"), data[header:]
    if rtp_min <= dst <= rtp_max:
        to_agent.setdefault(dst, []).append((t, seq, payload))
    elif rtp_min <= src <= rtp_max:
        from_agent.setdefault(src, []).append((t, level_dbfs(payload)))

# The agent's own timeline per call (Debug log 6013, unix ms on the same clock as the capture): where the time goes.
timeline = {}
for call, turn, eos, endpoint, transcript, first, voiced in re.findall(
        r"Call (\S+): turn (\d+) timeline \(unix ms\): end of speech (\d+), endpoint (\d+), transcript (\d+), first frame (\d+), first voiced frame (\d+)", host_log_text):
    if int(eos):
        timeline.setdefault(call, []).append(tuple(int(v) / 1000.0 for v in (eos, endpoint, transcript, first, voiced)))
legs = {name: [] for name in ("wire end -> agent's end of speech", "agent's end of speech -> endpoint", "endpoint -> transcript",
                              "transcript -> first frame", "first frame -> first voiced frame", "first voiced frame -> on the wire")}

v2v, lengths, overlapped, understood = [], [], 0, 0
for port, packets in to_agent.items():
    first_seq = packets[0][1]
    end = next((t for t, seq, _ in packets if (seq - first_seq) % 65536 == last_voiced), None)
    agent = from_agent.get(port, [])
    if end is None:
        continue
    if any(end - 0.2 <= t <= end and level > VOICED_DBFS for t, level in agent):
        overlapped += 1  # the agent was still speaking when the caller finished: not a clean measurement
        continue
    start = next((t for t, level in agent if t > end and level > VOICED_DBFS), None)
    if start is None:
        continue
    if call_of_port.get(port) in failed_calls:
        continue  # answered by the fallback phrase, not by the dialog: not a voice-to-voice figure
    v2v.append((start - end) * 1000)
    turns_of_call = [t for t in timeline.get(call_of_port.get(port), []) if t[4] and t[0] > end - 3.0]
    if turns_of_call:
        eos, endpoint, transcript, first, voiced = turns_of_call[0]
        for name, value in zip(legs, (eos - end, endpoint - eos, transcript - endpoint, first - transcript, voiced - first, start - voiced)):
            legs[name].append(value * 1000)
    last = start
    for t, level in agent:
        if t <= start:
            continue
        if level > VOICED_DBFS:
            last = t
        elif t - last > 0.4:
            break
    lengths.append(last - start + 0.02)
    understood += lengths[-1] < 3.0


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))] if values else None


def ms(value):
    return "—" if value is None else f"{value:.0f} ms"


own = [float(m) for call, m in re.findall(r"Call (\S+): turn \d+ \(speech\) done; voice-to-voice ([\d.]+) ms", host_log_text) if call not in failed_calls]


def metric(path, name):
    total = 0.0
    for line in open(path):
        if line.split("{")[0].split(" ")[0] == name:
            total += float(line.rsplit(" ", 1)[1])
    return total


ticks = metric(metrics_after, "voicefunctions_rtp_clock_ticks_total") - metric(metrics_before, "voicefunctions_rtp_clock_ticks_total")
late = metric(metrics_after, "voicefunctions_rtp_clock_late_ticks_total") - metric(metrics_before, "voicefunctions_rtp_clock_late_ticks_total")

def turn_sums(path):
    sums = {}
    for line in open(path):
        name = line.split("{")[0].split(" ")[0]
        if name.startswith("voicefunctions_turn_") and name.endswith(("_seconds_sum", "_seconds_count")):
            sums[name] = sums.get(name, 0.0) + float(line.rsplit(" ", 1)[1])
    return sums


after_sums, before_sums = turn_sums(metrics_after), turn_sums(metrics_before)
delta = {k: v - before_sums.get(k, 0.0) for k, v in after_sums.items()}
turns = delta.get("voicefunctions_turn_voice_to_voice_seconds_count", 0.0)
# Voice-to-voice minus endpoint-to-first-audio is the trailing silence the endpointer waited (media time), per turn.
endpointing = (delta.get("voicefunctions_turn_voice_to_voice_seconds_sum", 0.0) - delta.get("voicefunctions_turn_endpoint_to_first_audio_seconds_sum", 0.0)) / turns * 1000 if turns else None
stt_after_end = delta.get("voicefunctions_turn_stt_latency_seconds_sum", 0.0) / turns * 1000 if turns else None
sipp = open(sipp_log).read()
ok = re.findall(r"Successful call\s*\|\s*\d+\s*\|\s*(\d+)", sipp)
print(f"| {n} {codec.upper().replace('G722', 'G.722')} | {ok[-1] if ok else 0}/{n} | {understood}/{n} ({len(failed_calls)} fallback, {len(v2v) - understood} other reply) | {ms(pct(v2v, 0.5))} | {ms(pct(v2v, 0.95))} "
      f"| {ms(max(v2v) if v2v else None)} | {ms(pct(own, 0.5))} / {ms(pct(own, 0.95))} "
      f"| {ms(endpointing)} / {ms(stt_after_end)} | {late:.0f}/{ticks:.0f} = {100.0 * late / ticks if ticks else float('nan'):.3f} % | {int(cpu_ticks) / int(hz) / max(n, 1):.2f} | {loadavg} |")
if any(legs.values()):
    print("  where the time goes (p50 over " + str(len(next(iter(legs.values())))) + " calls): "
          + "; ".join(f"{name} {ms(pct(values, 0.5))}" for name, values in legs.items()))
if overlapped:
    print(f"  ({overlapped} calls left out: the agent was still speaking when the caller finished)")
if len(call_of_port) != len(to_agent):
    print(f"  ({len(to_agent)} RTP streams, {len(call_of_port)} tied to a Call-ID)")
print(f"  caller's last voiced frame: {last_voiced * 20} ms into caller.audio; v2v all: {sorted(round(v) for v in v2v)}", file=sys.stderr)

def preemptive(path):
    counts = {}
    for line in open(path):
        found = re.match(r'voicefunctions_turn_preemptive_answers_total\{[^}]*outcome="(\w+)"[^}]*\} ([\d.e+]+)', line)
        if found:
            counts[found.group(1)] = counts.get(found.group(1), 0.0) + float(found.group(2))
    return counts


pre_after, pre_before = preemptive(metrics_after), preemptive(metrics_before)
pre = {k: v - pre_before.get(k, 0.0) for k, v in pre_after.items()}
saved_count = delta.get("voicefunctions_turn_preemptive_saved_seconds_count", 0.0)
saved = delta.get("voicefunctions_turn_preemptive_saved_seconds_sum", 0.0) / saved_count * 1000 if saved_count else None
print(f"  preemptive answers (LLM begun in the caller's pause): " + (", ".join(f"{k} {v:.0f}" for k, v in sorted(pre.items())) or "none")
      + f"; LLM time saved per used answer (mean) {ms(saved)}")
