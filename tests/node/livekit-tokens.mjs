// Interop driver for access tokens, run by the C# tests (tests/Shared.Tests/LiveKit/Interop).
// Reads one JSON request on stdin (secrets travel here, never on the command line) and writes one
// JSON answer on stdout:
//   {"op":"mint", apiKey, apiSecret, identity?, name?, metadata?, attributes?, kind?, ttl?, video?, sip?, roomConfig?}
//      -> {"ok":true,"jwt":"..."}     (the official AccessToken)
//   {"op":"verify", apiKey, apiSecret, token}
//      -> {"ok":true,"claims":{...}} or {"ok":false,"error":"..."}   (the official TokenVerifier)
import { AccessToken, TokenVerifier, RoomConfiguration, RoomAgentDispatch, TrackSource } from 'livekit-server-sdk';

const sources = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

async function mint(req) {
  const at = new AccessToken(req.apiKey, req.apiSecret, {
    identity: req.identity,
    name: req.name,
    metadata: req.metadata,
    attributes: req.attributes,
    ttl: req.ttl,
  });
  if (req.kind) at.kind = req.kind;
  if (req.video) {
    const video = { ...req.video };
    if (video.canPublishSources) video.canPublishSources = video.canPublishSources.map((s) => sources[s]);
    at.addGrant(video);
  }
  if (req.sip) at.addSIPGrant(req.sip);
  if (req.sha256) at.sha256 = req.sha256;
  if (req.roomConfig) {
    const { agents, ...rest } = req.roomConfig;
    at.roomConfig = new RoomConfiguration({
      ...rest,
      agents: (agents ?? []).map((a) => new RoomAgentDispatch(a)),
    });
  }
  return { ok: true, jwt: await at.toJwt() };
}

async function verify(req) {
  try {
    const claims = await new TokenVerifier(req.apiKey, req.apiSecret).verify(req.token);
    return { ok: true, claims };
  } catch (e) {
    return { ok: false, error: String(e?.code ?? e?.message ?? e) };
  }
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const req = JSON.parse(input);
const ops = { mint, verify };
if (!ops[req.op]) throw new Error(`unknown op ${req.op}`);
process.stdout.write(JSON.stringify(await ops[req.op](req)));
