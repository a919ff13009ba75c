const helper = require('./helper');
exports.handler = async () => helper;
