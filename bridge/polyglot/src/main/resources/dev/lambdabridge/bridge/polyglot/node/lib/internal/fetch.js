// The global fetch, Headers, Request and Response: the npm package node-fetch 2 (bundled as vendor/node-fetch), on
// node:http/node:https and so on the JDK's HttpClient. A network failure rejects as Node's own fetch (undici) does:
// TypeError 'fetch failed', the system error (code, syscall, address) as its cause.
'use strict';
const nodeFetch = require('vendor/node-fetch');
const fetchFn = nodeFetch.default || nodeFetch;

function asUndiciError(error) {
  if (!error || error.name !== 'FetchError' || error.type !== 'system') {
    return error;
  }
  const reason = String(error.message).replace(/^request to .* failed, reason: /, '');
  const cause = Object.assign(new Error(reason), { code: error.code, errno: error.errno });
  const match = /^connect \w+ ([^:]+):(\d+)$/.exec(reason);
  if (match) {
    Object.assign(cause, { syscall: 'connect', address: match[1], port: Number(match[2]) });
  }
  return new TypeError('fetch failed', { cause });
}

module.exports = {
  fetch: function fetch(input, init) {
    return fetchFn(input, init).catch(error => {
      throw asUndiciError(error);
    });
  },
  Headers: nodeFetch.Headers,
  Request: nodeFetch.Request,
  Response: nodeFetch.Response,
};
