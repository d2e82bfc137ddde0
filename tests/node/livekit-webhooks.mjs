// Interop driver for webhooks, run by the C# tests (tests/Shared.Tests/LiveKit/Interop).
// One JSON request on stdin, one JSON answer on stdout. Bodies travel as base64 so the exact bytes survive.
// Each op takes a batch, "items", so one node start serves a whole test.
//   {"op":"sign", apiKey, apiSecret, items:[{bodyBase64}]}
//      -> {"items":[{"ok":true,"authorization":"<jwt>"}]}
//      The SDK has no webhook signer, so this signs as the LiveKit server does: an AccessToken from
//      the API key, valid 5 minutes, whose sha256 claim is standard base64 of SHA-256(body).
//   {"op":"receive", apiKey, apiSecret, items:[{bodyBase64, authorization}]}
//      -> {"items":[{"ok":true,"event":{...protobuf JSON...}} or {"ok":false,"error":"..."}]}   (the official WebhookReceiver)
import { createHash } from 'node:crypto';
import { AccessToken, WebhookReceiver } from 'livekit-server-sdk';

const bodyBytes = (item) => Buffer.from(item.bodyBase64, 'base64');

async function sign(req, item) {
  const at = new AccessToken(req.apiKey, req.apiSecret, { ttl: '5m' });
  at.sha256 = createHash('sha256').update(bodyBytes(item)).digest('base64');
  return { ok: true, authorization: await at.toJwt() };
}

async function receive(req, item) {
  try {
    const receiver = new WebhookReceiver(req.apiKey, req.apiSecret);
    const event = await receiver.receive(new TextDecoder().decode(bodyBytes(item)), item.authorization);
    return { ok: true, event: event.toJson() };
  } catch (e) {
    return { ok: false, error: String(e?.code ?? e?.message ?? e) };
  }
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const req = JSON.parse(input);
const ops = { sign, receive };
if (!ops[req.op]) throw new Error(`unknown op ${req.op}`);
const items = [];
for (const item of req.items) items.push(await ops[req.op](req, item));
process.stdout.write(JSON.stringify({ items }));
