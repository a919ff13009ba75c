// querystring: the npm package querystring-es3 (Node's legacy querystring, bundled as vendor/querystring), with
// Node's escape/unescape and its names for the two functions.
'use strict';
const qs = require('vendor/querystring');
module.exports = qs;
qs.escape = function escape(str) {
  return encodeURIComponent(str);
};
qs.unescape = function unescape(str) {
  try {
    return decodeURIComponent(str);
  } catch (e) {
    return unescape(String(str).replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  }
};
qs.unescapeBuffer = s => require('buffer').Buffer.from(qs.unescape(s));
qs.encode = qs.stringify;
qs.decode = qs.parse;
