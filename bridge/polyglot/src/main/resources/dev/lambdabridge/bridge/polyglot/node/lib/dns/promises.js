// dns/promises: dns.lookup as a promise.
'use strict';
const dns = require('dns');
exports.lookup = (hostname, options) => new Promise((resolve, reject) => {
  dns.lookup(hostname, options || {}, (error, address, family) => {
    if (error) {
      reject(error);
    } else {
      resolve(Array.isArray(address) ? address : { address, family });
    }
  });
});
for (const key of Object.keys(dns)) {
  if (!(key in exports) && typeof dns[key] === 'function' && key.startsWith('resolve')) {
    exports[key] = dns[key];
  }
}
