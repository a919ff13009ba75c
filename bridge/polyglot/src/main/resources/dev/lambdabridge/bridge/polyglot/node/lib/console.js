// console: the global console (bridge.js: a record per call in the function's log), and its class.
'use strict';
module.exports = globalThis.console;
if (!module.exports.Console) {
  module.exports.Console = class Console {
    constructor(stdout, stderr) {
      const util = require('util');
      const out = stdout && typeof stdout.write === 'function' ? stdout : stdout && stdout.stdout;
      const err = (stdout && stdout.stderr) || stderr || out;
      this.log = this.info = this.debug = (...args) => out.write(util.format(...args) + '\n');
      this.error = this.warn = this.trace = (...args) => err.write(util.format(...args) + '\n');
      this.dir = (value, options) => out.write(util.inspect(value, options) + '\n');
    }
  };
}
