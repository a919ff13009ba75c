// Preloaded (NODE_OPTIONS=--require) into every Node.js service emulator the tests start.
// 1. Binds every server to 127.0.0.1: fauxqs and stepfunctions-local listen on all interfaces, with no option to
//    choose; the tests' services must never be reachable from outside this machine.
// 2. Exits when standard input closes: the Java harness holds the other end of that pipe, so the emulator ends
//    with the test JVM even when the JVM is killed and no shutdown hook runs.
'use strict';
const net = require('net');
const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first) && first.path === undefined) {
    args[0] = Object.assign({}, first, { host: LOOPBACK });
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] === 'string') {
      args[1] = LOOPBACK; // listen(port, host, ...)
    } else {
      args.splice(1, 0, LOOPBACK); // listen(port[, backlog][, callback])
    }
  }
  return listen.apply(this, args);
};
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
