// _stream_duplex: Node's legacy name for stream.Duplex.
'use strict';
module.exports = require('stream').Duplex;
