// _stream_passthrough: Node's legacy name for stream.PassThrough.
'use strict';
module.exports = require('stream').PassThrough;
