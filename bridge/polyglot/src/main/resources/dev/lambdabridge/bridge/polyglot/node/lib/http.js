// http (and https, through internal/http-client): client requests on the JDK's HttpClient (host.http). A
// ClientRequest is a Writable whose body is sent when it ends; the response comes back in the event loop's I/O
// phase as an IncomingMessage (a Readable holding the whole body). Servers are refused: a Lambda function
// does not listen.
'use strict';
module.exports = require('internal/http-client')('http:');
