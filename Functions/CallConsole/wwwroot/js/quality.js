// A call's media quality per direction, as the MediaHost reported it (every 30 s, and at the end of the call).
import { el } from "./dom.js";

const fixed = (value, digits) => (value === null || value === undefined ? "–" : value.toFixed(digits));

export function mediaQuality(q) {
  if (!q) return el("p", { class: "muted", id: "media-quality" }, "No media quality reported for this call yet.");
  const row = (name, d) => el("tr", {},
    el("th", { scope: "row" }, name),
    el("td", {}, String(d.packets)),
    el("td", {}, d.packetsLost === null || d.packetsLost === undefined ? "–" : `${d.packetsLost} (${fixed(d.lossPercent, 1)} %)`),
    el("td", {}, d.jitterMs === null || d.jitterMs === undefined ? "–" : `${fixed(d.jitterMs, 1)} ms`),
    el("td", {}, d.concealedMs === null || d.concealedMs === undefined ? "–" : `${d.concealedMs} ms`),
    el("td", { class: "mos" }, fixed(d.mos, 2)));
  return el("div", { id: "media-quality" },
    el("p", {}, `${q.codec}, ${q.final ? "end of call" : "so far"}`
      + (q.roundTripMs === null || q.roundTripMs === undefined ? "" : `, round trip ${Math.round(q.roundTripMs)} ms`)),
    el("table", {},
      el("thead", {}, el("tr", {}, ["Direction", "Packets", "Lost", "Jitter", "Concealed", "MOS (est.)"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, row("From caller", q.fromCaller), row("To caller", q.toCaller))));
}
