// The calls and health API, with the operator's key. The key lives in this tab's session storage only: it is sent as
// a header (x-functions-key, or Authorization: Bearer for a token), never put in a URL, the page or the console log.
// Behind App Service Authentication the operator may instead be signed in with Entra ID: the platform's session
// cookie goes with each request by itself and the page holds no credential at all (only a note that it is so).

const storageKey = "voicefunctions.console.credential";
const platformKey = "voicefunctions.console.platform-session";
// The page is served at <base>/api/console/; the API is its parent.
const apiBase = new URL("../", document.baseURI);

export class AuthError extends Error {
  /** @param signInPath where the control plane says a browser can sign in with Entra ID (null: keys only) */
  constructor(message, signInPath) {
    super(message);
    this.signInPath = signInPath;
  }
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function hasCredential() {
  return sessionStorage.getItem(storageKey) !== null || isPlatformSession();
}

/** True when the API let this tab in on the platform's (Entra ID) sign-in, with no key. */
export function isPlatformSession() {
  return sessionStorage.getItem(platformKey) !== null;
}

/** Asks the API once with no key: behind App Service Authentication a signed-in operator is let in as they are. */
export async function tryPlatformSession(probe) {
  await probe();
  sessionStorage.setItem(platformKey, "1");
}

export function setCredential(value) {
  sessionStorage.setItem(storageKey, value.trim());
}

export function clearCredential() {
  sessionStorage.removeItem(storageKey);
  sessionStorage.removeItem(platformKey);
}

function authHeaders() {
  const credential = sessionStorage.getItem(storageKey);
  if (credential === null) return {};
  // A JWT has three dot-separated parts; an API key is one opaque string.
  return credential.split(".").length === 3 ? { Authorization: "Bearer " + credential } : { "x-functions-key": credential };
}

/** GET a path under /api/; returns the parsed JSON, or null on 404 when allowed. */
export async function getJson(path, { allowNotFound = false, allowUnavailable = false, signal } = {}) {
  const response = await fetch(new URL(path, apiBase), { headers: { Accept: "application/json", ...authHeaders() }, cache: "no-store", signal });
  if (response.status === 401) {
    throw new AuthError(await response.text(), response.headers.get("X-VoiceFunctions-Sign-In"));
  }
  if (response.status === 404 && allowNotFound) {
    return null;
  }
  // The health API answers 503 with a JSON body when something is down.
  if (response.ok || (allowUnavailable && response.status === 503)) {
    return response.json();
  }
  throw new ApiError(response.status, `${response.status} ${response.statusText}: ${(await response.text()).slice(0, 300)}`);
}

export const calls = {
  list: (day, pageSize, continuation, signal) => {
    const query = new URLSearchParams({ day, pageSize: String(pageSize) });
    if (continuation) query.set("continuation", continuation);
    return getJson("calls?" + query, { signal });
  },
  get: (callId, signal) => getJson("calls/" + encodeURIComponent(callId), { allowNotFound: true, signal }),
  // A short-lived read link to the call's recording: asked for only when the operator presses play.
  recordingLink: (callId, signal) => getJson("calls/" + encodeURIComponent(callId) + "/recording", { signal }),
};

export const health = {
  detailed: (signal) => getJson("health/detailed", { allowUnavailable: true, signal }),
  alerts: (limit, signal) => getJson("health/alerts?" + new URLSearchParams({ limit: String(limit) }), { signal }),
};
