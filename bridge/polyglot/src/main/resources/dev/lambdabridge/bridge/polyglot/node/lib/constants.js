// constants (deprecated in Node): os.constants and fs.constants together.
'use strict';
const os = require('os');
Object.assign(exports, os.constants.signals, os.constants.errno, os.constants.priority, require('fs').constants);
