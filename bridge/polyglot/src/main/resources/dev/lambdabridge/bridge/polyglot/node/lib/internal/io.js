// Callbacks answered in the event loop's I/O phase (fs, crypto and zlib's callback forms): through the host's
// I/O queue, in the async context they were made in, with the nextTick queue after each (bridge.js's loop.io).
'use strict';
const loop = host.loop;
exports.post = fn => host.io.post(loop.io(fn));
exports.wrap = fn => loop.io(fn);
