// timers: the event loop's timers (bridge.js), the same functions as the globals.
'use strict';
const loop = host.loop;
for (const name of ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']) {
  exports[name] = loop[name];
}
Object.defineProperty(exports, 'promises', { get: () => require('timers/promises'), enumerable: true });
