exports.sub = 'scoped sub'; exports.another = 2;
