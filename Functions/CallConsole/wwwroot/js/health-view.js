// The control plane's latest health check (the overall state and each component's) and the last alerts it sent.
import { health } from "./api.js";
import { el, replace } from "./dom.js";
import { dateTime, words } from "./format.js";
import { Poller } from "./poller.js";

const alertsShown = 20;

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
    const [report, alerts] = await Promise.all([health.detailed(), health.alerts(alertsShown)]);
    const status = String(report.status).toLowerCase();
    replace(this.container,
      el("section", { class: "panel", "aria-labelledby": "health-title", id: "health" },
        el("h2", { id: "health-title" }, "Health ", el("span", { class: "badge " + status, id: "health-status" }, words(report.status))),
        report.reason ? el("p", { class: "muted" }, report.reason) : el("p", {}, "Checked " + dateTime(report.checkedAt)),
        report.components ? el("div", { class: "table-wrap" }, el("table", { id: "health-table" },
          el("thead", {}, el("tr", {}, ["Component", "State", "Check took", "Found"].map((h) => el("th", { scope: "col" }, h)))),
          el("tbody", {}, report.components.map((c) => el("tr", { class: String(c.status).toLowerCase() === "down" ? "failure" : "" },
            el("td", {}, c.name), el("td", {}, el("span", { class: "badge " + String(c.status).toLowerCase() }, words(c.status))),
            el("td", { class: "num" }, `${c.latencyMs} ms`), el("td", {}, c.detail)))))) : null),
      lastAlerts(alerts.alerts));
    return true;
  }
}

// One entry per alert (a list, not a table: the message is long and must fit a phone's screen).
function lastAlerts(alerts) {
  return el("section", { class: "panel", "aria-labelledby": "alerts-title", id: "alerts" },
    el("h2", { id: "alerts-title" }, "Last alerts"),
    alerts.length === 0
      ? el("p", { class: "muted", id: "alerts-none" }, "No alert has been sent.")
      : el("ol", { class: "alert-list", id: "alert-list" }, alerts.map((a) => {
        const severity = String(a.severity).toLowerCase();
        const delivery = String(a.delivery).toLowerCase();
        return el("li", { class: "alert " + severity, "data-kind": a.kind, "data-severity": a.severity, "data-delivery": a.delivery },
          el("p", {},
            el("span", { class: "badge " + (severity === "info" ? "healthy" : severity === "warning" ? "degraded" : "down") }, severity), " ",
            el("strong", {}, a.kind), " ", dateTime(a.at),
            a.checks.length > 0 ? [" · ", el("span", { class: "alert-checks" }, a.checks.join(", "))] : null),
          el("p", { class: "alert-message" }, a.message),
          el("p", { class: delivery === "failed" ? "error alert-delivery" : "muted alert-delivery" }, `${words(a.delivery)}: ${a.deliveryDetail}`));
      })));
}
