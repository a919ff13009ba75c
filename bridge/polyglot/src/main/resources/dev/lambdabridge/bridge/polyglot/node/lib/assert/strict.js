// assert/strict: assert's strict mode, as Node's.
'use strict';
module.exports = require('assert').strict;
