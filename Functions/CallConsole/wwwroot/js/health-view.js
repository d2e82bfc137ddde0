// The control plane's latest health check: the overall state and each component's.
import { health } from "./api.js";
import { el, replace } from "./dom.js";
import { dateTime, words } from "./format.js";
import { Poller } from "./poller.js";

export class HealthView {
  constructor(container) {
    this.container = container;
    this.poller = new Poller(() => this.refresh(), 15000);
  }

  start() {
    replace(this.container, el("p", { class: "muted" }, "Loading the health checks…"));
    this.poller.start();
  }

  stop() {
    this.poller.stop();
  }

  async refresh() {
    const report = await health.detailed();
    const status = String(report.status).toLowerCase();
    replace(this.container, el("section", { class: "panel", "aria-labelledby": "health-title", id: "health" },
      el("h2", { id: "health-title" }, "Health ", el("span", { class: "badge " + status, id: "health-status" }, words(report.status))),
      report.reason ? el("p", { class: "muted" }, report.reason) : el("p", {}, "Checked " + dateTime(report.checkedAt)),
      report.components ? el("div", { class: "table-wrap" }, el("table", { id: "health-table" },
        el("thead", {}, el("tr", {}, ["Component", "State", "Check took", "Found"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, report.components.map((c) => el("tr", { class: String(c.status).toLowerCase() === "down" ? "failure" : "" },
          el("td", {}, c.name), el("td", {}, el("span", { class: "badge " + String(c.status).toLowerCase() }, words(c.status))),
          el("td", { class: "num" }, `${c.latencyMs} ms`), el("td", {}, c.detail)))))) : null));
    return true;
  }
}
