require('./lib/util');
require('no-such-package');
