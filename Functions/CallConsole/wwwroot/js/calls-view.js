// The calls list: today's live calls updating without a reload, and a day's history with filters and paging over
// the API's day index (newest first, 50 a page, a continuation token per page).
import { calls } from "./api.js";
import { el, replace } from "./dom.js";
import { durationMs, seconds, showNumber, time, todayUtc, words } from "./format.js";
import { Poller } from "./poller.js";

const pageSize = 50;
const outcomes = ["InProgress", "Completed", "Transferred", "AgentUnavailable", "Abandoned", "Failed"];
const directions = ["Inbound", "Outbound"];

export class CallsView {
  constructor(container, settings) {
    this.container = container;
    this.settings = settings;
    this.day = todayUtc();
    this.pages = [null]; // continuation token of each page seen; the last one is the page shown
    this.filters = { outcome: "", direction: "", minSeconds: 0, failuresOnly: false };
    this.poller = new Poller(() => this.refresh(), 2000);
  }

  start() {
    this.liveList = el("ul", { class: "live-list", id: "live-calls" });
    this.history = el("div", { id: "history" });
    this.status = el("p", { class: "muted", id: "calls-status", role: "status" });
    replace(this.container,
      el("section", { "aria-labelledby": "live-title", class: "panel" },
        el("h2", { id: "live-title" }, "Live now"),
        this.liveList),
      el("section", { "aria-labelledby": "history-title", class: "panel" },
        el("h2", { id: "history-title" }, "History"),
        this.filterForm(),
        this.status,
        this.history));
    this.poller.start();
  }

  stop() {
    this.poller.stop();
  }

  filterForm() {
    const day = el("input", { type: "date", id: "filter-day", value: this.day, max: todayUtc() });
    day.addEventListener("change", () => { if (day.value) { this.day = day.value; this.pages = [null]; this.refreshNow(); } });
    const outcome = el("select", { id: "filter-outcome" }, el("option", { value: "" }, "any"),
      outcomes.map((o) => el("option", { value: o }, words(o))));
    outcome.addEventListener("change", () => { this.filters.outcome = outcome.value; this.render(); });
    const direction = el("select", { id: "filter-direction" }, el("option", { value: "" }, "any"),
      directions.map((d) => el("option", { value: d }, words(d))));
    direction.addEventListener("change", () => { this.filters.direction = direction.value; this.render(); });
    const minSeconds = el("input", { type: "number", id: "filter-min-seconds", min: 0, step: 1, value: 0, inputmode: "numeric" });
    minSeconds.addEventListener("input", () => { this.filters.minSeconds = Number(minSeconds.value) || 0; this.render(); });
    const failures = el("input", { type: "checkbox", id: "filter-failures" });
    failures.addEventListener("change", () => { this.filters.failuresOnly = failures.checked; this.render(); });
    const reveal = el("input", { type: "checkbox", id: "reveal-numbers", checked: this.settings.revealNumbers });
    reveal.addEventListener("change", () => { this.settings.revealNumbers = reveal.checked; this.render(); });
    return el("form", { class: "filters", onsubmit: (e) => e.preventDefault() },
      el("label", { for: "filter-day" }, "Day (UTC)"), day,
      el("label", { for: "filter-outcome" }, "Outcome"), outcome,
      el("label", { for: "filter-direction" }, "Direction"), direction,
      el("label", { for: "filter-min-seconds" }, "At least (s)"), minSeconds,
      el("span", { class: "check" }, failures, el("label", { for: "filter-failures" }, "Failures only")),
      el("span", { class: "check" }, reveal, el("label", { for: "reveal-numbers" }, "Show numbers")));
  }

  refreshNow() {
    this.poller.stop();
    this.poller.start();
  }

  async refresh() {
    const continuation = this.pages[this.pages.length - 1];
    const page = await calls.list(this.day, pageSize, continuation);
    this.page = page;
    this.render();
    // Only today's first page changes by itself; an older day or a later page is read once.
    return this.day === todayUtc() && continuation === null;
  }

  visible(call) {
    const f = this.filters;
    if (f.outcome && call.outcome !== f.outcome) return false;
    if (f.direction && directionOf(call) !== f.direction) return false;
    if (f.failuresOnly && !isFailure(call)) return false;
    if (f.minSeconds > 0 && durationMs(call.startedAt, call.endedAt) < f.minSeconds * 1000) return false;
    return true;
  }

  render() {
    if (!this.page) return;
    const all = this.page.calls;
    const live = this.day === todayUtc() ? all.filter((c) => c.outcome === "InProgress") : [];
    replace(this.liveList, live.length === 0
      ? el("li", { class: "muted" }, "No call in progress.")
      : live.map((c) => el("li", { "data-call-id": c.callId, class: "live-call" },
          el("a", { href: "#/call/" + encodeURIComponent(c.callId) }, showNumber(c.remoteNumber ?? c.callerNumber, this.settings.revealNumbers)),
          el("span", { class: "badge live" }, "live"),
          el("span", {}, `for ${seconds(durationMs(c.startedAt, null))}`))));
    const shown = all.filter((c) => this.visible(c));
    this.status.textContent = `${this.page.day}: ${shown.length} of ${all.length} calls on page ${this.pages.length}` +
      (this.day === todayUtc() && this.pages.length === 1 ? " (updating every 2 s)" : "");
    replace(this.history,
      el("div", { class: "table-wrap" }, el("table", { id: "calls-table" },
        el("caption", { class: "visually-hidden" }, "Calls of the day, newest first"),
        el("thead", {}, el("tr", {}, ["Started", "Remote party", "Direction", "Duration", "Answered after", "Outcome", "Ended by"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, shown.map((c) => this.row(c))))),
      this.pager());
  }

  row(c) {
    return el("tr", { "data-call-id": c.callId, "data-outcome": c.outcome, "data-direction": directionOf(c), class: isFailure(c) ? "failure" : "" },
      el("td", {}, el("a", { href: "#/call/" + encodeURIComponent(c.callId) }, time(c.startedAt))),
      el("td", {}, showNumber(c.remoteNumber ?? c.callerNumber, this.settings.revealNumbers)),
      el("td", { class: "direction" }, words(directionOf(c))),
      el("td", {}, seconds(durationMs(c.startedAt, c.endedAt))),
      el("td", {}, c.agentAnswerLatencyMs === null ? "–" : `${c.agentAnswerLatencyMs} ms`),
      el("td", {}, el("span", { class: "badge " + c.outcome.toLowerCase() }, words(c.outcome))),
      el("td", {}, c.outcome === "InProgress" ? "–" : words(c.endReason)));
  }

  pager() {
    const previous = el("button", { type: "button", id: "page-previous", disabled: this.pages.length === 1 }, "Newer");
    previous.addEventListener("click", () => { this.pages.pop(); this.refreshNow(); });
    const next = el("button", { type: "button", id: "page-next", disabled: !this.page.continuation }, "Older");
    next.addEventListener("click", () => { this.pages.push(this.page.continuation); this.refreshNow(); });
    return el("nav", { class: "pager", "aria-label": "Pages" }, previous, next);
  }
}

// A control plane older than the call's direction sends none: its calls were all inbound.
function directionOf(call) {
  return call.direction ?? "Inbound";
}

function isFailure(call) {
  return ["Failed", "AgentUnavailable"].includes(call.outcome) || ["Error", "MediaTimeout", "Rejected"].includes(call.endReason);
}
