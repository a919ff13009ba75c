module.exports = 'lib/index';
