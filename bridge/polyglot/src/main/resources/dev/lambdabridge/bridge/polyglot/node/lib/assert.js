// assert: the npm package assert (Node's assert, bundled as vendor/assert).
'use strict';
const assert = require('vendor/assert');
module.exports = assert;
