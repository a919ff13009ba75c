// the WHATWG URL and URLSearchParams: the npm package whatwg-url (the reference implementation, bundled as
// vendor/whatwg-url); GraalJS has neither.
'use strict';
module.exports = require('vendor/whatwg-url');
