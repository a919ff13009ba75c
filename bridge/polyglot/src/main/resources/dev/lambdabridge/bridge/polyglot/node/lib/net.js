// net: the address checks work; sockets are refused (GraalJS with host access closed has no socket API; http,
// https and fetch are on the JDK's HTTP client instead).
'use strict';
const v4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const v6 = /^(([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|([0-9a-f]{1,4}:){1,7}:|([0-9a-f]{1,4}:){1,6}:[0-9a-f]{1,4}|([0-9a-f]{1,4}:){1,5}(:[0-9a-f]{1,4}){1,2}|([0-9a-f]{1,4}:){1,4}(:[0-9a-f]{1,4}){1,3}|([0-9a-f]{1,4}:){1,3}(:[0-9a-f]{1,4}){1,4}|([0-9a-f]{1,4}:){1,2}(:[0-9a-f]{1,4}){1,5}|[0-9a-f]{1,4}:(:[0-9a-f]{1,4}){1,6}|:((:[0-9a-f]{1,4}){1,7}|:)|::(ffff(:0{1,4})?:)?((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)|([0-9a-f]{1,4}:){1,4}:((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d))(%.+)?$/i;
exports.isIPv4 = input => v4.test(String(input));
exports.isIPv6 = input => v6.test(String(input));
exports.isIP = input => (exports.isIPv4(input) ? 4 : exports.isIPv6(input) ? 6 : 0);
function refuse(member) {
  return function () {
    const error = new Error(`net.${member}() is not available in lambda-bridge's in-process JavaScript: there are `
        + 'no raw sockets (use http, https or fetch, which run on the JDK\'s HTTP client)');
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  };
}
for (const member of ['connect', 'createConnection', 'createServer']) {
  exports[member] = refuse(member);
}
exports.Socket = class Socket {
  constructor() {
    refuse('Socket')();
  }
};
exports.Server = class Server {
  constructor() {
    refuse('Server')();
  }
};
exports.getDefaultAutoSelectFamily = () => true;
exports.setDefaultAutoSelectFamily = () => {};
