exports.name = 'app';
