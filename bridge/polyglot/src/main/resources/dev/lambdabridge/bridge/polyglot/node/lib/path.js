// path (and path/posix): the npm package path-browserify (Node's POSIX path, bundled as vendor/path). Lambda runs
// on Linux, so path is path.posix; path.win32 is not provided (no npm package keeps Node's win32 half).
'use strict';
const posix = require('vendor/path');
posix.posix = posix;
posix.toNamespacedPath = p => p;
posix.matchesGlob = undefined;
delete posix.matchesGlob;
module.exports = posix;
