// One call's turns: a bar per turn split into where its response time went, and the transcript.
import { el } from "./dom.js";

// The stages a turn reports, in the order they happen. "Endpointing" is what the stages leave of the voice-to-voice
// time: deciding the caller has finished, plus whatever the stages do not cover.
const stages = [
  { key: "endpointing", label: "endpointing", value: (t) => endpointing(t) },
  { key: "stt", label: "STT", value: (t) => t.sttMs },
  { key: "llm", label: "LLM first token", value: (t) => t.llmFirstTokenMs },
  { key: "tts", label: "TTS first audio", value: (t) => t.ttsFirstAudioMs },
];

function endpointing(turn) {
  if (turn.responseLatencyMs === null || turn.responseLatencyMs === undefined) return null;
  const covered = (turn.sttMs ?? 0) + (turn.llmFirstTokenMs ?? 0) + (turn.ttsFirstAudioMs ?? 0);
  return Math.max(0, turn.responseLatencyMs - covered);
}

function total(turn) {
  return Math.max(turn.responseLatencyMs ?? 0, stages.slice(1).reduce((sum, s) => sum + (s.value(turn) ?? 0), 0));
}

export function latencyBars(turns) {
  const measured = turns.filter((t) => total(t) > 0);
  if (measured.length === 0) return el("p", { class: "muted" }, "No turn reported its latencies.");
  const scale = Math.max(...measured.map(total));
  return el("div", { id: "latency-bars" },
    el("ul", { class: "legend", "aria-hidden": "true" }, stages.map((s) => el("li", {}, el("span", { class: "swatch " + s.key }), s.label))),
    el("ol", { class: "bars" }, measured.map((t) => {
      const parts = stages.map((s) => ({ ...s, ms: s.value(t) })).filter((s) => s.ms > 0);
      const text = parts.map((p) => `${p.label} ${p.ms} ms`).join(", ");
      return el("li", { class: "turn-bar", "data-turn": t.sequence },
        el("span", { class: "turn-label" }, `Turn ${t.sequence}`),
        el("span", { class: "bar", role: "img", "aria-label": `Turn ${t.sequence}: voice-to-voice ${t.responseLatencyMs ?? "?"} ms (${text})`,
          style: { width: `${(100 * total(t)) / scale}%` } },
          parts.map((p) => el("span", { class: "segment " + p.key, "data-stage": p.key, title: `${p.label}: ${p.ms} ms`,
            style: { flexGrow: String(p.ms) } }))),
        el("span", { class: "turn-total" }, t.responseLatencyMs === null || t.responseLatencyMs === undefined ? "–" : `${t.responseLatencyMs} ms`),
        t.interrupted ? el("span", { class: "badge warn" }, "interrupted") : null);
    })));
}

export function transcript(turns) {
  if (turns.length === 0) return el("p", { class: "muted" }, "No turn yet.");
  return el("ol", { class: "transcript", id: "transcript" }, turns.map((t) =>
    el("li", { "data-turn": t.sequence },
      t.callerText ? el("p", { class: "caller" }, el("span", { class: "who" }, "Caller"), " ", t.callerText) : null,
      t.agentText ? el("p", { class: "agent" }, el("span", { class: "who" }, "Agent"), " ", t.agentText,
        t.interrupted ? [" ", el("span", { class: "badge warn" }, "cut short by the caller")] : null) : null)));
}
