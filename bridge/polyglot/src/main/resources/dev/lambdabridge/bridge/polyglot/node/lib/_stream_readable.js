// _stream_readable: Node's legacy name for stream.Readable.
'use strict';
module.exports = require('stream').Readable;
