// A Node.js built-in that lambda-bridge's in-process JavaScript does not provide (it needs processes, sockets,
// a debugger or V8 itself, none of which a GraalJS context with host access closed has): require() works, so
// that a package that only mentions it loads, and each of its functions throws an error that says so.
'use strict';
const name = module.id;
function refuse(member) {
  return function () {
    const error = new Error(`${name}.${member}() is not available in lambda-bridge's in-process JavaScript `
        + `(GraalJS, host access closed): the node:${name} built-in is not provided; run the function on a `
        + `process bridge (worker:node ...) if it needs it`);
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  };
}
module.exports = new Proxy({}, {
  get(target, key) {
    if (typeof key === 'symbol' || key === 'then' || key === '__esModule' || key === 'default') {
      return key === 'default' ? module.exports : undefined;
    }
    return refuse(key);
  },
});
