// The Node.js side of the in-process comparison (NodeRic, scripts/bench-polyglot): what one warm invocation costs
// in Node.js 22 without the Runtime API round trip, measured as WarmCalls measures the bridge's handle(): the
// module loaded as AWS's runtime client loads it (import(), then the default export), then per call the event
// parsed, the handler awaited and its result serialized, each call timed.
// usage: node node-warm-calls.mjs HANDLER TASK_ROOT EVENT_FILE WARMUP N
// prints: handler=... init_ms=... n=... median_us=... p99_us=... min_us=... response=...
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [handlerString, taskRoot, eventFile, warmupText, countText] = process.argv.slice(2);
const dot = handlerString.lastIndexOf('.');
const moduleName = handlerString.slice(0, dot);
const exportName = handlerString.slice(dot + 1);
const warmup = Number(warmupText || 2000);
const count = Number(countText || 2000);

const started = process.hrtime.bigint();
const base = path.resolve(taskRoot, moduleName);
const file = ['', '.js', '.mjs', '.cjs'].map((ext) => base + ext).find((f) => existsSync(f) && !f.endsWith('/'));
if (!file) {
  throw new Error(`no ${moduleName}.js, .mjs or .cjs in ${taskRoot}`);
}
const module = await import(pathToFileURL(file).href);
const handler = module[exportName] ?? module.default?.[exportName];
if (typeof handler !== 'function') {
  throw new Error(`${handlerString} is not a function`);
}
const initMs = Number(process.hrtime.bigint() - started) / 1e6;
const event = readFileSync(eventFile, 'utf8');

function context(i) {
  return {
    awsRequestId: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:warm-calls',
    functionName: 'warm-calls', functionVersion: '$LATEST', memoryLimitInMB: '1024',
    logGroupName: '/aws/lambda/warm-calls', logStreamName: '2026/11/27/[$LATEST]0',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 60000,
  };
}

let response = '';
async function call(i) {
  response = JSON.stringify(await handler(JSON.parse(event), context(i)));
}
for (let i = 0; i < warmup; i++) {
  await call(i);
}
const nanos = new Array(count);
for (let i = 0; i < count; i++) {
  const t0 = process.hrtime.bigint();
  await call(warmup + i);
  nanos[i] = Number(process.hrtime.bigint() - t0);
}
nanos.sort((a, b) => a - b);
const percentile = (p) => nanos[Math.max(0, Math.min(count - 1, Math.ceil((p / 100) * count) - 1))] / 1000;
console.log(`handler=${handlerString} init_ms=${initMs.toFixed(1)} n=${count} median_us=${percentile(50).toFixed(1)} `
  + `p99_us=${percentile(99).toFixed(1)} min_us=${(nanos[0] / 1000).toFixed(1)} response=${response}`);
