// stream/promises: pipeline and finished as promises (readable-stream's).
'use strict';
module.exports = require('stream').promises;
