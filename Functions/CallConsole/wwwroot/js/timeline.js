// One call's timeline across both planes: markers on a time axis, one lane per source, and the same entries as a
// table for reading (and for screen readers: the axis is a picture of the table).
import { el } from "./dom.js";
import { words } from "./format.js";

const lanes = [
  { source: "Webhook", label: "LiveKit webhooks" },
  { source: "Sip", label: "SIP" },
  { source: "Agent", label: "MediaHost" },
  { source: "Orchestration", label: "Orchestration" },
  { source: "Turn", label: "Turns" },
];

export function isAlarm(entry) {
  return entry.name === "error" || entry.name === "dispatch failed" || (entry.sipStatus ?? 0) >= 400;
}

export function isTransfer(entry) {
  return entry.name === "transfer" || entry.name === "fallback" || /transfer/i.test(entry.detail ?? "");
}

export function timeline(record, entries) {
  const placed = entries.filter((e) => Date.parse(e.at) > 0);
  if (placed.length === 0) return el("p", { class: "muted" }, "Nothing on the timeline yet.");
  const start = Math.min(Date.parse(record.startedAt), ...placed.map((e) => Date.parse(e.at)));
  const end = Math.max(record.endedAt ? Date.parse(record.endedAt) : Date.now(), ...placed.map((e) => Date.parse(e.at)));
  const span = Math.max(1, end - start);
  const offset = (e) => `+${((Date.parse(e.at) - start) / 1000).toFixed(3)} s`;
  const kind = (e) => (isAlarm(e) ? " alarm" : isTransfer(e) ? " transfer" : "");
  return el("div", { id: "timeline" },
    el("div", { class: "axis", "aria-hidden": "true" },
      lanes.map((lane) => el("div", { class: "lane" },
        el("span", { class: "lane-label" }, lane.label),
        el("div", { class: "lane-track" }, placed.filter((e) => e.source === lane.source).map((e) =>
          el("span", { class: `marker ${lane.source.toLowerCase()}${kind(e)}`, title: `${offset(e)} ${e.name}${e.detail ? ": " + e.detail : ""}`,
            style: { left: `${(100 * (Date.parse(e.at) - start)) / span}%` } }))))),
      el("div", { class: "ticks" }, el("span", {}, "0 s"), el("span", {}, `${(span / 1000).toFixed(1)} s`))),
    el("div", { class: "table-wrap" }, el("table", { id: "timeline-table" },
      el("caption", { class: "visually-hidden" }, "Everything that happened in the call, oldest first"),
      el("thead", {}, el("tr", {}, ["When", "Where", "What", "Detail"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, placed.map((e) => el("tr", { class: kind(e).trim(), "data-source": e.source },
        el("td", { class: "num" }, offset(e)),
        el("td", {}, words(e.source)),
        el("td", {}, e.name),
        el("td", {}, e.detail ?? "")))))));
}
