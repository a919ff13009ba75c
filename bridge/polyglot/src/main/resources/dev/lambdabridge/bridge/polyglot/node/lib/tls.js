// tls: raw TLS sockets are refused (https and fetch do TLS on the JDK's HTTP client); the constants are there.
'use strict';
exports.DEFAULT_MIN_VERSION = 'TLSv1.2';
exports.DEFAULT_MAX_VERSION = 'TLSv1.3';
exports.DEFAULT_ECDH_CURVE = 'auto';
exports.rootCertificates = [];
function refuse(member) {
  return function () {
    const error = new Error(`tls.${member}() is not available in lambda-bridge's in-process JavaScript: there are `
        + 'no raw sockets (https and fetch run on the JDK\'s HTTP client)');
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  };
}
for (const member of ['connect', 'createServer', 'createSecureContext', 'createSecurePair']) {
  exports[member] = refuse(member);
}
exports.checkServerIdentity = () => undefined;
exports.getCiphers = () => ['aes128-gcm-sha256', 'aes256-gcm-sha384', 'chacha20-poly1305-sha256'];
exports.TLSSocket = class TLSSocket {
  constructor() {
    refuse('TLSSocket')();
  }
};
