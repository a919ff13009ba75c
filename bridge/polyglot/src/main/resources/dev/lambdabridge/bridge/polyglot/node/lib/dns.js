// dns: lookup on the JDK's resolver (host.dns, answered through the event loop's I/O phase); the other queries
// (resolve*, reverse) are refused: the JDK has no DNS client for them.
'use strict';
const backing = host.dns;

function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  if (typeof options === 'number') {
    options = { family: options };
  }
  options = options || {};
  const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family) || 0;
  const v = require('net').isIP(hostname);
  if (v !== 0) {
    process.nextTick(() => (options.all ? callback(null, [{ address: hostname, family: v }]) : callback(null, hostname, v)));
    return {};
  }
  backing.lookup(String(hostname), family, host.loop.io((error, found) => {
    if (error) {
      callback(Object.assign(new Error(error.message), { errno: error.errno, code: error.code, syscall: error.syscall,
        hostname: error.hostname }));
      return;
    }
    const addresses = Array.from(found, pair => ({ address: pair[0], family: pair[1] }));
    if (options.all) {
      callback(null, addresses);
    } else {
      callback(null, addresses[0].address, addresses[0].family);
    }
  }));
  return {};
}
exports.lookup = lookup;
exports.ADDRCONFIG = 1024;
exports.V4MAPPED = 2048;
exports.ALL = 256;
exports.NOTFOUND = 'ENOTFOUND';
exports.getServers = () => [];
exports.setServers = () => {};
exports.setDefaultResultOrder = () => {};
exports.getDefaultResultOrder = () => 'verbatim';
function refuse(member) {
  return function () {
    const error = new Error(`dns.${member}() is not available in lambda-bridge's in-process JavaScript (only `
        + 'dns.lookup, on the JDK\'s resolver)');
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  };
}
for (const member of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs',
  'resolveTxt', 'resolveSrv', 'resolvePtr', 'resolveNaptr', 'resolveSoa', 'resolveCaa', 'reverse', 'lookupService']) {
  exports[member] = refuse(member);
}
Object.defineProperty(exports, 'promises', { get: () => require('dns/promises'), enumerable: true });
