// Runs a refresh now and then every interval while it returns true; one refresh at a time, never overlapping.
// A failure is shown by the app (a refused key signs the operator out) and stops the polling.
import { reportError } from "./errors.js";

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
      let again = false;
      try {
        again = await this.refresh();
      } catch (error) {
        if (generation === this.generation) reportError(error);
        return;
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
