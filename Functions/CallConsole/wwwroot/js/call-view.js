// One call: what happened to it, its turns (latency bars, transcript), its timeline, its recording. Re-read every
// 2 s while the call is live, so an operator follows it as it happens; read once when it has ended.
import { calls } from "./api.js";
import { el, replace } from "./dom.js";
import { dateTime, milliseconds, seconds, showNumber, words } from "./format.js";
import { Poller } from "./poller.js";
import { mediaQuality } from "./quality.js";
import { isTransfer, timeline } from "./timeline.js";
import { latencyBars, transcript } from "./turns.js";

export class CallView {
  constructor(container, settings, callId) {
    this.container = container;
    this.settings = settings;
    this.callId = callId;
    this.poller = new Poller(() => this.refresh(), 2000);
  }

  start() {
    replace(this.container, el("p", { class: "muted" }, "Loading the call…"));
    this.poller.start();
  }

  stop() {
    this.poller.stop();
  }

  async refresh() {
    const call = await calls.get(this.callId);
    if (call === null) {
      replace(this.container, back(), el("p", { class: "error", role: "alert" }, "No call with that id."));
      return false;
    }
    this.render(call);
    return call.record.outcome === "InProgress";
  }

  // The player survives the 2 s re-renders (a playing recording is not cut). Its read link is fetched only when the
  // operator presses play (GET /api/calls/{id}/recording, with the key as a header): it is never in the page's URL
  // or its served source, and it expires minutes later.
  recordingPanel(rec) {
    if (!this.player) {
      const audio = el("audio", { controls: true, preload: "none", id: "recording-audio", hidden: true });
      const status = el("span", { class: "muted", id: "recording-player-status" });
      const button = el("button", { type: "button", id: "recording-play" }, "Play recording");
      audio.addEventListener("error", () => {
        status.textContent = `The browser could not play the recording (media error ${audio.error?.code}; the page allows https links only).`;
        status.className = "error";
      });
      button.addEventListener("click", async () => {
        button.disabled = true;
        status.textContent = "Fetching a link…";
        try {
          const link = await calls.recordingLink(this.callId);
          audio.preload = "auto"; // load it now: the play below may be refused (autoplay), the controls then start it
          audio.src = link.url;
          audio.hidden = false;
          status.textContent = link.durationMs ? seconds(link.durationMs) : "";
          await audio.play().catch(() => {}); // autoplay may be refused: the controls are there
        } catch (e) {
          status.textContent = "No link: " + e.message;
          status.className = "error";
          button.disabled = false;
        }
      });
      this.player = el("div", { class: "player", id: "recording-player" }, button, " ", status, audio);
    }
    return recording(rec, this.player);
  }

  render(call) {
    const r = call.record;
    const live = r.outcome === "InProgress";
    const entries = call.timeline ?? [];
    const transferred = r.outcome === "Transferred" || entries.some(isTransfer);
    replace(this.container,
      back(),
      el("section", { class: "panel", "aria-labelledby": "call-title", id: "call", "data-outcome": r.outcome },
        el("h2", { id: "call-title" }, "Call ", el("code", {}, r.callId), " ",
          el("span", { class: "badge " + r.outcome.toLowerCase(), id: "call-outcome" }, live ? "live" : words(r.outcome))),
        el("dl", { class: "facts" },
          // A control plane older than the call's direction sends none: its calls were all inbound.
          fact("Direction", words(r.direction ?? "Inbound"), "call-direction"),
          fact("Caller", showNumber(r.callerNumber, this.settings.revealNumbers)),
          fact("Called", showNumber(r.calledNumber, this.settings.revealNumbers)),
          fact("Started", dateTime(r.startedAt)),
          fact("Answered after", milliseconds(call.agentAnswerLatencyMs)),
          fact("Duration", live ? seconds(Date.now() - Date.parse(r.startedAt)) + " so far" : seconds((call.durationSeconds ?? 0) * 1000)),
          fact("Ended by", live ? "–" : words(r.endReason)),
          fact("Why", r.reasonText ?? "–"),
          fact("Agent dispatches", String(r.dispatchAttempts)),
          fact("Turns", String(r.turnCount)),
          fact("Voice-to-voice", r.latency.samples > 0 ? `p50 ${r.latency.p50Ms} ms, p95 ${r.latency.p95Ms} ms, max ${r.latency.maxMs} ms` : "–")),
        transferred ? el("p", { class: "transfer-note", id: "transfer-note" }, "The caller was transferred to a human.") : null,
        r.errors.length > 0
          ? el("div", { class: "errors", id: "call-errors", role: "alert" }, el("h3", {}, `Errors (${r.errors.length})`), el("ul", {}, r.errors.map((e) => el("li", {}, e))))
          : null),
      el("section", { class: "panel", "aria-labelledby": "turns-title" }, el("h3", { id: "turns-title" }, "Where each answer's time went"), latencyBars(call.turns)),
      el("section", { class: "panel", "aria-labelledby": "transcript-title" }, el("h3", { id: "transcript-title" }, "Transcript"), transcript(call.turns)),
      el("section", { class: "panel", "aria-labelledby": "timeline-title" }, el("h3", { id: "timeline-title" }, "Timeline"), timeline(r, entries)),
      el("section", { class: "panel", "aria-labelledby": "recording-title" }, el("h3", { id: "recording-title" }, "Recording"), this.recordingPanel(r.recording)),
      el("section", { class: "panel", "aria-labelledby": "quality-title" }, el("h3", { id: "quality-title" }, "Media quality"),
        mediaQuality(r.quality)),
      r.summary ? el("section", { class: "panel", "aria-labelledby": "summary-title" }, el("h3", { id: "summary-title" }, "Summary"), el("p", {}, r.summary)) : null);
  }
}

function back() {
  return el("p", {}, el("a", { href: "#/calls", id: "back-to-calls" }, "← All calls"));
}

function fact(name, value, id) {
  return [el("dt", {}, name), el("dd", { id }, value)];
}

function recording(rec, player) {
  if (!rec) return el("p", { class: "muted", id: "recording" }, "This call was not recorded.");
  const who = rec.egressId === "mediahost" ? "Recorded by the MediaHost" : `Egress ${rec.egressId}`;
  const state = el("p", {}, `${who}: ${words(rec.status)}${rec.ended ? ", ended" : ""}`);
  if (rec.error) return el("div", { id: "recording" }, state, el("p", { class: "error" }, rec.error));
  return el("div", { id: "recording" }, state,
    rec.location && rec.ended ? player : null,
    rec.location ? el("p", {}, "Written to ", el("code", {}, rec.location)) : el("p", { class: "muted" }, "No file yet."));
}
