// module: the built-in names; the loader (loader.js) adds createRequire and the rest through requireBuiltin.extend.
'use strict';
exports.builtinModules = require('internal/names').builtinModules;
exports.isBuiltin = require('internal/names').isBuiltin;
