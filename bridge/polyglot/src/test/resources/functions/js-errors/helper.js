module.exports = require('no-such-package');
