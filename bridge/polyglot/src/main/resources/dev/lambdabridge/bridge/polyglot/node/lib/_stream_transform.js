// _stream_transform: Node's legacy name for stream.Transform.
'use strict';
module.exports = require('stream').Transform;
