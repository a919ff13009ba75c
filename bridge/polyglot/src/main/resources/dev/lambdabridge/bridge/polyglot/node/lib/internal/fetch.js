// The global fetch, Headers, Request and Response: the npm package node-fetch 2 (bundled as vendor/node-fetch), on
// node:http/node:https and so on the JDK's HttpClient.
'use strict';
const nodeFetch = require('vendor/node-fetch');
const fetchFn = nodeFetch.default || nodeFetch;
module.exports = {
  fetch: function fetch(input, init) {
    return fetchFn(input, init);
  },
  Headers: nodeFetch.Headers,
  Request: nodeFetch.Request,
  Response: nodeFetch.Response,
  FetchError: nodeFetch.FetchError,
};
