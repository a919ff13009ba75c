// string_decoder: the npm package string_decoder (Node's, bundled as vendor/string_decoder).
'use strict';
module.exports = require('vendor/string_decoder');
