// _stream_writable: Node's legacy name for stream.Writable.
'use strict';
module.exports = require('stream').Writable;
