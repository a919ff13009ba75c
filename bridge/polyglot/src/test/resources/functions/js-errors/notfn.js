exports.handler = 42;
