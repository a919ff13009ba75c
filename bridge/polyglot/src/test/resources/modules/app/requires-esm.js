module.exports = require('@scope/scoped');
