// punycode: the npm package punycode 2 (what Node's deprecated built-in is, bundled as vendor/punycode).
'use strict';
module.exports = require('vendor/punycode');
