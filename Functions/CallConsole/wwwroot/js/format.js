// How the console writes times, durations and phone numbers.

/** "+1555•••3333": the country code and area and the last four digits; the rest masked. */
export function maskNumber(number) {
  if (!number) return "unknown";
  if (number.length <= 6) return "•".repeat(number.length);
  return number.slice(0, 5) + "•".repeat(Math.max(3, number.length - 9)) + number.slice(-4);
}

export function showNumber(number, reveal) {
  return reveal ? (number || "unknown") : maskNumber(number);
}

export function seconds(ms) {
  if (ms === null || ms === undefined) return "–";
  const s = ms / 1000;
  if (s < 60) return s.toFixed(1) + " s";
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

export function milliseconds(ms) {
  return ms === null || ms === undefined ? "–" : `${Math.round(ms)} ms`;
}

export function time(iso) {
  if (!iso) return "–";
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

export function dateTime(iso) {
  if (!iso) return "–";
  return new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "medium" });
}

export function todayUtc() {
  return new Date().toISOString().slice(0, 10);
}

/** Milliseconds from a call's start to its end, or to now while it is live. */
export function durationMs(startedAt, endedAt) {
  return (endedAt ? Date.parse(endedAt) : Date.now()) - Date.parse(startedAt);
}

/** "Completed" → "completed"; "AgentUnavailable" → "agent unavailable". */
export function words(name) {
  return (name ?? "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
