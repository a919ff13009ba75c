// The same program as a persistent worker (_HANDLER="worker:node index.js"): an ordinary Lambda Node.js module,
// served by the Node.js shim (bridge/process/shims/node, preloaded by the bridge): returns {"result": N}, N the
// number of the event's top-level keys.
'use strict';

exports.handler = async (event) => {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    throw new TypeError(`the event is not a JSON object: ${JSON.stringify(event).slice(0, 100)}`);
  }
  return { result: Object.keys(event).length };
};
