// https: http's client with https: URLs and port 443 (TLS is the JDK's).
'use strict';
module.exports = require('internal/http-client')('https:');
