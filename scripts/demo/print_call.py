"""Prints a call read back from GET /api/calls/{id} (JSON on stdin): the conversation with per-turn latencies,
then the record. Exits 1 unless the call was finalized as completed with at least one answered caller turn."""
import json
import sys

call = json.load(sys.stdin)
record = call.get("record") or {}
turns = sorted(call.get("turns") or [], key=lambda t: t.get("sequence", 0))


def ms(value):
    return "-" if value is None else f"{value} ms"


print("Conversation")
for t in turns:
    if t.get("callerText"):
        print(f"  caller: {t['callerText']}")
    if t.get("agentText"):
        print(f"  agent:  {t['agentText']}")
    print(f"          (turn {t.get('sequence')}: voice-to-voice {ms(t.get('responseLatencyMs'))}, "
          f"STT {ms(t.get('sttMs'))}, LLM first token {ms(t.get('llmFirstTokenMs'))}, TTS first audio {ms(t.get('ttsFirstAudioMs'))})")

print("Call record (GET /api/calls/{id})")
for key in ("callId", "callerNumber", "calledNumber", "startedAt", "answeredAt", "endedAt", "outcome", "endReason",
            "reasonText", "turnCount", "errors"):
    if key in record:
        print(f"  {key}: {record[key]}")
print(f"  durationSeconds: {call.get('durationSeconds')}")

outcome = str(record.get("outcome", "")).lower()
answered = any(t.get("callerText") and t.get("agentText") for t in turns)
if outcome != "completed" or not answered:
    print(f"demo check failed: outcome={record.get('outcome')}, a caller turn with an agent answer={answered}", file=sys.stderr)
    sys.exit(1)
