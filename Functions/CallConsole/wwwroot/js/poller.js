// Runs a refresh now and then every interval while it returns true; one refresh at a time, never overlapping.
// A refused key stops it (the app signs the operator out); any other failure is shown and retried at the next tick,
// so a control plane that restarts or a storage hiccup does not freeze the live view.
import { AuthError } from "./api.js";
import { clearError, reportError } from "./errors.js";

export class Poller {
  constructor(refresh, intervalMs) {
    this.refresh = refresh;
    this.intervalMs = intervalMs;
    this.generation = 0;
  }

  start() {
    const generation = ++this.generation;
    const tick = async () => {
      if (generation !== this.generation) return;
      let again;
      try {
        again = await this.refresh();
        if (generation === this.generation) clearError();
      } catch (error) {
        if (generation !== this.generation) return;
        reportError(error);
        again = !(error instanceof AuthError);
      }
      if (again && generation === this.generation) this.timer = setTimeout(tick, this.intervalMs);
    };
    tick();
  }

  stop() {
    this.generation++;
    clearTimeout(this.timer);
  }
}
