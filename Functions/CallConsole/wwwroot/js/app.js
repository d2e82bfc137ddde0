// The console's shell: sign-in, the sections (#/calls, #/call/{id}, #/health) and what a failed request shows.
import { AuthError, clearCredential, hasCredential, isPlatformSession, setCredential, tryPlatformSession, calls } from "./api.js";
import { CallView } from "./call-view.js";
import { CallsView } from "./calls-view.js";
import { el, replace } from "./dom.js";
import { onError } from "./errors.js";
import { todayUtc } from "./format.js";
import { HealthView } from "./health-view.js";

const settings = { revealNumbers: false };
const view = document.getElementById("view");
const signIn = document.getElementById("sign-in");
const signInError = document.getElementById("sign-in-error");
const nav = document.getElementById("nav");
let current = null;

const entraSignIn = document.getElementById("entra-sign-in");

function showSignIn(message, signInPath) {
  current?.stop();
  current = null;
  requestError.hidden = true;
  replace(view);
  nav.hidden = true;
  signIn.hidden = false;
  signInError.hidden = !message;
  signInError.textContent = message ?? "";
  // Only when the control plane says Entra ID sign-in is on (App Service Authentication); back to this page after.
  entraSignIn.hidden = !signInPath;
  if (signInPath) {
    entraSignIn.querySelector("a").href = signInPath + "?" + new URLSearchParams({ post_login_redirect_uri: location.pathname });
  }
  document.getElementById("api-key").focus();
}

async function route() {
  current?.stop();
  if (!hasCredential()) {
    try {
      await tryPlatformSession(() => calls.list(todayUtc(), 1, null));
    } catch (error) {
      showSignIn(null, error instanceof AuthError ? error.signInPath : null);
      return;
    }
  }
  signIn.hidden = true;
  nav.hidden = false;
  const hash = location.hash || "#/calls";
  const call = /^#\/call\/(.+)$/.exec(hash);
  const section = call ? "calls" : hash.startsWith("#/health") ? "health" : "calls";
  for (const link of nav.querySelectorAll("a")) {
    if (link.dataset.section === section) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  current = call ? new CallView(view, settings, decodeURIComponent(call[1]))
    : section === "health" ? new HealthView(view)
    : new CallsView(view, settings);
  current.start();
}

// One line above the view for a failed request, replaced by the next failure and removed by the next success.
const requestError = el("p", { class: "error", role: "alert", id: "request-error", hidden: true });
view.before(requestError);

onError((error) => {
  if (error instanceof AuthError) {
    clearCredential();
    showSignIn("Refused: " + error.message, error.signInPath);
    return;
  }
  requestError.textContent = "The control plane did not answer (retrying): " + error.message;
  requestError.hidden = false;
}, () => {
  requestError.hidden = true;
});

document.getElementById("sign-in-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = document.getElementById("api-key");
  setCredential(input.value);
  input.value = "";
  try {
    // One read proves the key before the console opens.
    await calls.list(todayUtc(), 1, null);
  } catch (error) {
    clearCredential();
    showSignIn(error instanceof AuthError ? "Refused: " + error.message : "The control plane did not answer: " + error.message,
      error instanceof AuthError ? error.signInPath : null);
    return;
  }
  route();
});

document.getElementById("sign-out").addEventListener("click", () => {
  const platform = isPlatformSession();
  clearCredential();
  if (platform) {
    // The platform's session cookie is what signs this tab in: only App Service Authentication can end it.
    location.assign("/.auth/logout?" + new URLSearchParams({ post_logout_redirect_uri: location.pathname }));
    return;
  }
  showSignIn();
});

window.addEventListener("hashchange", route);
route();
