// stream: the npm package readable-stream 4 (Node 18's streams, bundled as vendor/readable-stream): Readable,
// Writable, Duplex, Transform, PassThrough, pipeline, finished, compose, addAbortSignal, promises.
'use strict';
const stream = require('vendor/readable-stream');
module.exports = stream;
if (!stream.Stream) {
  stream.Stream = stream;
}
stream.getDefaultHighWaterMark = objectMode => (objectMode ? 16 : 65536);
stream.setDefaultHighWaterMark = () => {};
