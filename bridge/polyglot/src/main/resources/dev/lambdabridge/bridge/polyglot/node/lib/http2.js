// http2: the constants (the AWS SDK's http2 handler reads them when it loads); sessions are refused (the SDK's
// default handler is http/1.1, on node:https).
'use strict';
exports.constants = {
  NGHTTP2_CANCEL: 8, NGHTTP2_REFUSED_STREAM: 7, HTTP2_HEADER_STATUS: ':status', HTTP2_HEADER_METHOD: ':method',
  HTTP2_HEADER_AUTHORITY: ':authority', HTTP2_HEADER_SCHEME: ':scheme', HTTP2_HEADER_PATH: ':path',
  HTTP2_HEADER_CONTENT_TYPE: 'content-type', HTTP2_HEADER_CONTENT_LENGTH: 'content-length',
  HTTP2_METHOD_GET: 'GET', HTTP2_METHOD_POST: 'POST', HTTP_STATUS_OK: 200,
};
function refuse(member) {
  return function () {
    const error = new Error(`http2.${member}() is not available in lambda-bridge's in-process JavaScript (use http `
        + 'or https, on the JDK\'s HTTP client)');
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  };
}
for (const member of ['connect', 'createServer', 'createSecureServer']) {
  exports[member] = refuse(member);
}
exports.getDefaultSettings = () => ({});
exports.sensitiveHeaders = Symbol('nodejs.http2.sensitiveHeaders');
