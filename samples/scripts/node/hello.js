// The classic per-invocation program in Node.js (_HANDLER="exec:node hello.js {event}"): takes the event JSON as
// its first argument and prints {"result":N}, N the number of the event's top-level keys.
'use strict';

const text = process.argv[2];
if (text === undefined) {
  console.error('hello.js: no event: run it as node hello.js \'{"key":"value"}\'');
  process.exit(2);
}
let event;
try {
  event = JSON.parse(text);
} catch (e) {
  console.error(`hello.js: the event is not valid JSON: ${e.message}`);
  process.exit(1);
}
if (event === null || typeof event !== 'object' || Array.isArray(event)) {
  console.error(`hello.js: the event is not a JSON object: ${text.slice(0, 100)}`);
  process.exit(1);
}
console.log(JSON.stringify({ result: Object.keys(event).length }));
