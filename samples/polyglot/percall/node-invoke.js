// One invocation of a Node.js-style handler in a process of its own, for the per-invocation comparison in
// scripts/bench-polyglot (exec:node ../percall/node-invoke.js index.handler, in the handler's task root):
// loads MODULE, reads the event (JSON) from stdin, calls EXPORT(event, context), prints JSON.stringify(result).
// console.log goes to stderr (the function's log), so that stdout holds the response only.
'use strict';
const path = require('path');
const util = require('util');

const [moduleName, exportName] = (process.argv[2] || 'index.handler').split(/\.(?=[^.]+$)/);
for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
  console[level] = (...args) => process.stderr.write(util.format(...args) + '\n');
}
const chunks = [];
process.stdin.on('data', chunk => chunks.push(chunk));
process.stdin.on('end', async () => {
  const handler = require(path.resolve(moduleName))[exportName];
  const event = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  const deadline = Date.now() + 60000;
  const context = { awsRequestId: 'per-call', functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    getRemainingTimeInMillis: () => deadline - Date.now() };
  const result = await new Promise((resolve, reject) => {
    const returned = handler(event, context, (error, value) => (error ? reject(error) : resolve(value)));
    if (returned && typeof returned.then === 'function') {
      returned.then(resolve, reject);
    }
  });
  process.stdout.write(JSON.stringify(result === undefined ? null : result));
});
