require('./lib/util');
throw new TypeError('top level ' + 'throw');
