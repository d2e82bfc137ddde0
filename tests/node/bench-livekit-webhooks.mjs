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
  // Warm-up: at least 5 passes and 2 s, so the JIT has optimised the hot path even on a busy machine.
  const warmUpStart = process.hrtime.bigint();
  for (let i = 0; i < 5 || process.hrtime.bigint() - warmUpStart < 2_000_000_000n; i++) await pass();
  const passes = 20;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < passes; i++) await pass();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const operations = passes * items.length;
  process.stdout.write(JSON.stringify({
    opsPerSecond: Math.round(operations / seconds),
    // CPU time per delivery: less sensitive than wall time to other work on a shared machine.
    cpuMicrosecondsPerOp: Number(((cpu.user + cpu.system) / operations).toFixed(1)),
    deliveries: items.length,
    passes,
  }) + '\n');
}

const [mode, file] = process.argv.slice(2);
if (mode === 'corpus') await corpus(file);
else if (mode === 'measure') await measure(file);
else throw new Error('usage: bench-livekit-webhooks.mjs corpus|measure <file>');
