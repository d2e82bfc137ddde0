#!/usr/bin/env python3
"""One language of bench/conversation-load-turns.sh: premature cut-offs and end-of-turn delay from the agent's log.

Per call (Call-ID "<utterance>-1@127.0.0.1", set by sipp's -cid_str): media start = the first frame of the greeting
(turn 1's timeline); the caller's audio starts then, so the utterance's first half ends at lead + first_end and the
whole utterance at lead + total (seconds of caller.audio). The first caller turn's end of speech (agent's VAD) nearer
the first half's end than the utterance's end = a premature cut-off. End-of-turn delay = endpoint - end of speech."""
import json, statistics, sys

language, calls_tsv, host_log = sys.argv[1:]
calls = {}
for line in open(calls_tsv):
    name, lead, first_end, pause, total = line.rstrip("\n").split("\t")
    calls[name] = dict(lead=float(lead), first_end=float(first_end), pause=int(pause), total=float(total))
timelines, judged_from = {}, {}
for line in open(host_log, errors="replace"):
    if '"EventId":6014' in line:  # what the end of the first caller turn was judged from
        try:
            state = json.loads(line)["State"]
        except (ValueError, KeyError):
            continue
        judged_from.setdefault(state["CallId"].rsplit("-", 1)[0], f"judged from {state['Words']} words ({state['Verdict']}, heard the pause: {state['HeardThePause']}, pitch contour {state.get('Contour', '-')})")
        continue
    if '"EventId":6013' not in line:
        continue
    try:
        state = json.loads(line)["State"]
    except (ValueError, KeyError):
        continue
    name = state["CallId"].rsplit("-", 1)[0]
    timelines.setdefault(name, []).append({k: int(state[k]) for k in ("Turn", "EndOfSpeechMs", "EndpointMs", "FirstFrameMs")})

cutoffs, judged, delays, rows = 0, 0, [], []
for name, call in sorted(calls.items()):
    turns = sorted(timelines.get(name, []), key=lambda t: t["Turn"])
    greeting = next((t for t in turns if t["EndOfSpeechMs"] == 0 and t["FirstFrameMs"]), None)
    caller = next((t for t in turns if t["EndOfSpeechMs"]), None)
    if greeting is None or caller is None:
        rows.append(f"{name}: no caller turn in the log")
        continue
    eos = (caller["EndOfSpeechMs"] - greeting["FirstFrameMs"]) / 1000.0 - call["lead"]  # seconds into the utterance
    delay = caller["EndpointMs"] - caller["EndOfSpeechMs"]
    if call["pause"]:
        judged += 1
        cut = abs(eos - call["first_end"]) < abs(eos - call["total"])
        cutoffs += cut
        rows.append(f"{name} (pause {call['pause']} ms): end of speech heard {eos:.2f} s into the utterance "
                    f"(first half ends {call['first_end']:.2f} s, utterance {call['total']:.2f} s) -> {'CUT OFF' if cut else 'waited'}; endpoint wait {delay} ms; {judged_from.get(name, '')}")
    else:
        delays.append(delay)
        rows.append(f"{name} (complete question): end-of-turn delay {delay} ms; {judged_from.get(name, '')}")
def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))]

for row in rows:
    print("  " + row)
missing = sum(1 for row in rows if "no caller turn" in row)
summary = f"{language}: premature cut-offs {cutoffs}/{judged}" + (f" = {100.0 * cutoffs / judged:.1f} %" if judged else "")
if delays:
    summary += (f"; end-of-turn delay after a complete question p50 {statistics.median(delays):.0f} ms, "
                f"p95 {percentile(delays, 95)} ms (n={len(delays)}, max {max(delays)} ms)")
if missing:
    summary += f"; {missing} call(s) with no caller turn in the log (not judged)"
print(summary + " (targets: cut-offs <= 5 %, delay p50 <= 350 ms)")
