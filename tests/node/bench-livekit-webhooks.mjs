// Webhook benchmark, Node side (run by bench/livekit-webhooks.sh; not a test).
//   node bench-livekit-webhooks.mjs corpus <file>   writes 1,000 signed webhook deliveries made from the
//                                                  sample bodies in tests/Shared.Tests/LiveKit/Webhooks/Samples,
//                                                  with an API key and secret made now (never committed)
//   node bench-livekit-webhooks.mjs measure <file>  runs the official WebhookReceiver.receive over every
//                                                  delivery and prints {"opsPerSecond":...}
// The C# benchmark (bench/Benchmarks/LiveKit/WebhookReceiveBenchmarks.cs) reads the same file.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AccessToken, WebhookReceiver } from 'livekit-server-sdk';

const here = dirname(fileURLToPath(import.meta.url));
const samplesDir = join(here, '..', 'Shared.Tests', 'LiveKit', 'Webhooks', 'Samples');
const corpusSize = 1000;

async function corpus(file) {
  const apiKey = 'APIbench';
  const apiSecret = randomBytes(32).toString('base64');
  const templates = readdirSync(samplesDir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(samplesDir, f), 'utf8')));
  const items = [];
  for (let i = 0; i < corpusSize; i++) {
    const event = { ...templates[i % templates.length] };
    event.id = `EV_bench${String(i).padStart(6, '0')}`;
    event.createdAt = String(1771351800 + i);
    const body = JSON.stringify(event);
    // Signed as the LiveKit server signs: AccessToken + sha256 claim. TTL 1 h (instead of 5 min) so
    // a long benchmark run does not outlive its tokens; verification work is the same.
    const at = new AccessToken(apiKey, apiSecret, { ttl: '1h' });
    at.sha256 = createHash('sha256').update(body, 'utf8').digest('base64');
    items.push({ body, authorization: await at.toJwt() });
  }
  writeFileSync(file, JSON.stringify({ apiKey, apiSecret, items }));
}

async function measure(file) {
  const { apiKey, apiSecret, items } = JSON.parse(readFileSync(file, 'utf8'));
  const receiver = new WebhookReceiver(apiKey, apiSecret);
  const pass = async () => {
    for (const item of items) await receiver.receive(item.body, item.authorization);
  };
  for (let i = 0; i < 5; i++) await pass(); // warm-up: let the JIT settle
  const passes = 20;
  const start = process.hrtime.bigint();
  for (let i = 0; i < passes; i++) await pass();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ opsPerSecond: Math.round((passes * items.length) / seconds), deliveries: items.length, passes }) + '\n');
}

const [mode, file] = process.argv.slice(2);
if (mode === 'corpus') await corpus(file);
else if (mode === 'measure') await measure(file);
else throw new Error('usage: bench-livekit-webhooks.mjs corpus|measure <file>');
