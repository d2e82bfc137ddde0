// A call's media quality per direction, as the MediaHost reported it (every 30 s, and at the end of the call).
// One line per direction (a list, not a table, so it fits a phone's screen).
import { el } from "./dom.js";

const known = (value) => value !== null && value !== undefined;

function describe(d) {
  const parts = [`${d.packets} packets`];
  if (known(d.packetsLost)) parts.push(`lost ${d.packetsLost}` + (known(d.lossPercent) ? ` (${d.lossPercent.toFixed(1)} %)` : ""));
  if (known(d.jitterMs)) parts.push(`jitter ${d.jitterMs.toFixed(1)} ms`);
  if (known(d.concealedMs)) parts.push(`concealed ${d.concealedMs} ms`);
  parts.push(known(d.mos) ? `MOS ${d.mos.toFixed(2)} (estimated)` : "MOS unknown (no receiver report from the caller)");
  return parts.join(", ");
}

export function mediaQuality(q) {
  if (!q) return el("p", { class: "muted", id: "media-quality" }, "No media quality reported for this call yet.");
  const direction = (id, name, d) => [el("dt", {}, name), el("dd", { id, "data-mos": known(d.mos) ? String(d.mos) : "" }, describe(d))];
  return el("div", { id: "media-quality" },
    el("p", {}, `${q.codec}, ${q.final ? "end of call" : "so far"}` + (known(q.roundTripMs) ? `, round trip ${Math.round(q.roundTripMs)} ms` : "")),
    el("dl", { class: "facts" }, direction("quality-from-caller", "From caller", q.fromCaller), direction("quality-to-caller", "To caller", q.toCaller)));
}
