// The client half of node:http and node:https on the JDK's HttpClient (see http.js); written here as every npm
// http client sits on Node's own sockets, which a GraalJS context does not have.
'use strict';
const backing = host.http;
const loop = host.loop;
const { Buffer } = require('buffer');
const { Writable, Readable } = require('stream');
const EventEmitter = require('events');

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints', 200: 'OK', 201: 'Created',
  202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content',
  206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used', 300: 'Multiple Choices',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
  402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long',
  415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a Teapot",
  421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency',
  425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests',
  431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error',
  501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates', 507: 'Insufficient Storage',
  508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
  511: 'Network Authentication Required',
};
const METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH',
  'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND',
  'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND',
  'UNLINK', 'UNLOCK', 'UNSUBSCRIBE'];

class Agent extends EventEmitter {
  constructor(options = {}) {
    super();
    this.options = Object.assign({ path: null }, options);
    this.keepAlive = options.keepAlive === true;
    this.keepAliveMsecs = options.keepAliveMsecs || 1000;
    this.maxSockets = options.maxSockets || Agent.defaultMaxSockets;
    this.maxFreeSockets = options.maxFreeSockets || 256;
    this.maxTotalSockets = options.maxTotalSockets || Infinity;
    this.totalSocketCount = 0;
    this.sockets = {};
    this.freeSockets = {};
    this.requests = {};
  }
  // the JDK's client pools its connections itself
  destroy() {}
  getName(options = {}) {
    return `${options.host || 'localhost'}:${options.port || ''}:${options.localAddress || ''}`;
  }
}
Agent.defaultMaxSockets = Infinity;

// what stands for the connection: the JDK's client owns the real one
class Connection extends EventEmitter {
  constructor(request) {
    super();
    this.connecting = false;
    this.remoteAddress = request.host;
    this.remotePort = request.port;
    this.encrypted = request.protocol === 'https:';
    this.destroyed = false;
  }
  setKeepAlive() {
    return this;
  }
  setNoDelay() {
    return this;
  }
  setTimeout(ms, callback) {
    if (callback) {
      this.once('timeout', callback);
    }
    return this;
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
  destroy() {
    this.destroyed = true;
    return this;
  }
  address() {
    return { address: this.remoteAddress, family: 'IPv4', port: this.remotePort };
  }
}

function invalidArg(message, code = 'ERR_INVALID_ARG_TYPE') {
  const error = new TypeError(message);
  error.code = code;
  return error;
}

function headerObject(flat) {
  const headers = {};
  for (let i = 0; i < flat.length; i += 2) {
    const name = flat[i];
    const value = flat[i + 1];
    if (name === 'set-cookie') {
      (headers[name] = headers[name] || []).push(value);
    } else if (headers[name] === undefined) {
      headers[name] = value;
    } else if (!['content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization', 'etag',
      'location', 'server', 'age', 'expires', 'last-modified', 'if-modified-since'].includes(name)) {
      headers[name] += ', ' + value;
    }
  }
  return headers;
}

class IncomingMessage extends Readable {
  constructor(socket, status, flatHeaders, body) {
    super();
    this.socket = socket;
    this.connection = socket;
    this.statusCode = status;
    this.statusMessage = STATUS_CODES[status] || 'unknown';
    this.httpVersion = '1.1';
    this.httpVersionMajor = 1;
    this.httpVersionMinor = 1;
    this.rawHeaders = Array.from(flatHeaders);
    this.headers = headerObject(this.rawHeaders);
    this.headersDistinct = {};
    for (let i = 0; i < this.rawHeaders.length; i += 2) {
      (this.headersDistinct[this.rawHeaders[i]] = this.headersDistinct[this.rawHeaders[i]] || [])
          .push(this.rawHeaders[i + 1]);
    }
    this.trailers = {};
    this.rawTrailers = [];
    this.aborted = false;
    this.complete = false;
    this._body = body;
    this.once('end', () => {
      this.complete = true;
    });
  }
  _read() {
    if (this._body !== null) {
      const body = this._body;
      this._body = null;
      if (body.length > 0) {
        this.push(body);
      }
      this.push(null);
    }
  }
  setTimeout(ms, callback) {
    if (callback) {
      this.once('timeout', callback);
    }
    return this;
  }
}

function requestOptions(protocol, args) {
  let url = null;
  let options = {};
  let callback;
  for (const arg of args) {
    if (typeof arg === 'function') {
      callback = arg;
    } else if (typeof arg === 'string' || (arg && typeof arg.href === 'string' && arg.protocol !== undefined
        && typeof arg.searchParams === 'object')) {
      url = new (require('url').URL)(String(arg));
    } else if (arg && typeof arg === 'object') {
      options = Object.assign({}, options, arg);
    }
  }
  if (url !== null) {
    options = Object.assign(require('url').urlToHttpOptions(url), options);
  }
  return { options, callback };
}

class ClientRequest extends Writable {
  constructor(defaultProtocol, options, callback) {
    // not destroyed when the body is written: the request lives on until its response (or error) comes
    super({ decodeStrings: true, autoDestroy: false, emitClose: false });
    const protocol = options.protocol || defaultProtocol;
    if (protocol !== 'http:' && protocol !== 'https:') {
      const error = new TypeError(`Protocol "${protocol}" not supported. Expected "${defaultProtocol}"`);
      error.code = 'ERR_INVALID_PROTOCOL';
      throw error;
    }
    if (protocol !== defaultProtocol) {
      const error = new TypeError(`Protocol "${protocol}" not supported. Expected "${defaultProtocol}"`);
      error.code = 'ERR_INVALID_PROTOCOL';
      throw error;
    }
    this.protocol = protocol;
    this.method = String(options.method || 'GET').toUpperCase();
    if (!METHODS.includes(this.method)) {
      throw invalidArg(`Method must be a valid HTTP token ["${options.method}"]`, 'ERR_INVALID_HTTP_TOKEN');
    }
    let hostname = options.hostname || (options.host ? String(options.host).replace(/:\d+$/, '') : 'localhost');
    if (hostname.startsWith('[') && hostname.endsWith(']')) {
      hostname = hostname.slice(1, -1);
    }
    this.host = hostname;
    this.port = Number(options.port || options.defaultPort || (protocol === 'https:' ? 443 : 80));
    this.path = options.path || '/';
    if (/[\u0000-\u0020]/.test(this.path)) {
      throw invalidArg('Request path contains unescaped characters', 'ERR_UNESCAPED_CHARACTERS');
    }
    this.agent = options.agent === false ? new Agent() : options.agent || (protocol === 'https:' ? httpsGlobalAgent : globalAgent);
    this._headers = new Map();
    const headers = options.headers || {};
    if (Array.isArray(headers)) {
      for (let i = 0; i < headers.length; i += 2) {
        this.setHeader(headers[i], headers[i + 1]);
      }
    } else {
      for (const name of Object.keys(headers)) {
        if (headers[name] !== undefined) {
          this.setHeader(name, headers[name]);
        }
      }
    }
    if (options.auth && !this.hasHeader('authorization')) {
      this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
    }
    this._chunks = [];
    this._timeoutMs = options.timeout > 0 ? options.timeout : 0;
    this._timer = null;
    this.aborted = false;
    this.reusedSocket = false;
    this.headersSent = false;
    this.finished = false;
    this.socket = new Connection(this);
    this.connection = this.socket;
    if (callback) {
      this.once('response', callback);
    }
    this.on('finish', () => {
      this.finished = true;
    });
    loop.nextTick(() => {
      if (!this.destroyed) {
        this.emit('socket', this.socket);
        if (this.getHeader('expect') === '100-continue') {
          this.emit('continue');
        }
      }
    });
  }
  setHeader(name, value) {
    if (this.headersSent) {
      const error = new Error('Cannot set headers after they are sent to the client');
      error.code = 'ERR_HTTP_HEADERS_SENT';
      throw error;
    }
    if (typeof name !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw invalidArg(`Header name must be a valid HTTP token ["${name}"]`, 'ERR_INVALID_HTTP_TOKEN');
    }
    if (value === undefined) {
      throw invalidArg(`Invalid value "undefined" for header "${name}"`, 'ERR_HTTP_INVALID_HEADER_VALUE');
    }
    this._headers.set(name.toLowerCase(), { name, value });
    return this;
  }
  getHeader(name) {
    const entry = this._headers.get(String(name).toLowerCase());
    return entry === undefined ? undefined : entry.value;
  }
  hasHeader(name) {
    return this._headers.has(String(name).toLowerCase());
  }
  removeHeader(name) {
    this._headers.delete(String(name).toLowerCase());
  }
  getHeaders() {
    const headers = Object.create(null);
    for (const [key, { value }] of this._headers) {
      headers[key] = value;
    }
    return headers;
  }
  getHeaderNames() {
    return Array.from(this._headers.keys());
  }
  getRawHeaderNames() {
    return Array.from(this._headers.values(), entry => entry.name);
  }
  flushHeaders() {}
  setNoDelay() {}
  setSocketKeepAlive() {}
  setTimeout(ms, callback) {
    this._timeoutMs = ms;
    if (callback) {
      this.once('timeout', callback);
    }
    this._armTimer();
    return this;
  }
  _armTimer() {
    if (this._timer !== null) {
      loop.clearTimeout(this._timer);
      this._timer = null;
    }
    if (this._timeoutMs > 0 && !this.destroyed) {
      this._timer = loop.setTimeout(() => {
        this._timer = null;
        this.emit('timeout');
        this.socket.emit('timeout');
      }, this._timeoutMs);
    }
  }
  _write(chunk, encoding, callback) {
    this._chunks.push(Buffer.from(chunk));
    callback();
  }
  _final(callback) {
    this.headersSent = true;
    const body = Buffer.concat(this._chunks);
    this._chunks = [];
    const pairs = [];
    for (const { name, value } of this._headers.values()) {
      for (const one of Array.isArray(value) ? value : [value]) {
        pairs.push([name, String(one)]);
      }
    }
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    const defaultPort = this.protocol === 'https:' ? 443 : 80;
    const url = `${this.protocol}//${host}${this.port === defaultPort ? '' : ':' + this.port}${this.path}`;
    this._armTimer();
    try {
      backing.request(this.method, url, pairs, body.buffer, body.byteOffset, body.byteLength, 0,
          loop.io((error, status, headers, responseBody) => this._answered(error, status, headers, responseBody)));
    } catch (e) {
      callback(e);
      return;
    }
    callback();
  }
  _answered(error, status, headers, responseBody) {
    if (this._timer !== null) {
      loop.clearTimeout(this._timer);
      this._timer = null;
    }
    if (this.destroyed) {
      return;
    }
    if (error) {
      const failure = Object.assign(new Error(error.message), error);
      this.destroy(failure);
      return;
    }
    const response = new IncomingMessage(this.socket, status, headers, Buffer._fromHost(responseBody));
    this.res = response;
    if (this.listenerCount('response') === 0) {
      response.resume();
    }
    this.emit('response', response);
    response.once('end', () => this.emit('close'));
  }
  abort() {
    if (!this.aborted) {
      this.aborted = true;
      loop.nextTick(() => this.emit('abort'));
      this.destroy();
    }
  }
  _destroy(error, callback) {
    if (this._timer !== null) {
      loop.clearTimeout(this._timer);
      this._timer = null;
    }
    // destroyed before its response: Node reports the connection's end as "socket hang up"
    if (!error && !this.res) {
      error = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    if (this.res && !this.res.complete) {
      this.res.destroy(error);
    }
    callback(this.res ? null : error);
    loop.nextTick(() => this.emit('close'));
  }
}

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
const httpsGlobalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
httpsGlobalAgent.defaultPort = 443;
globalAgent.defaultPort = 80;

function refuseServer() {
  const error = new Error("http servers are not available in lambda-bridge's in-process JavaScript: a function "
      + 'answers invocations, it does not listen');
  error.code = 'ERR_NOT_SUPPORTED';
  throw error;
}

module.exports = function make(protocol) {
  const api = {};
  api.request = (...args) => {
    const { options, callback } = requestOptions(protocol, args);
    return new ClientRequest(protocol, options, callback);
  };
  api.get = (...args) => {
    const request = api.request(...args);
    request.end();
    return request;
  };
  api.Agent = protocol === 'https:' ? class Agent_ extends Agent {
    constructor(options) {
      super(options);
      this.defaultPort = 443;
      this.protocol = 'https:';
    }
  } : Agent;
  Object.defineProperty(api.Agent, 'name', { value: 'Agent' });
  api.globalAgent = protocol === 'https:' ? httpsGlobalAgent : globalAgent;
  api.ClientRequest = ClientRequest;
  api.IncomingMessage = IncomingMessage;
  api.OutgoingMessage = Writable;
  api.STATUS_CODES = STATUS_CODES;
  api.METHODS = METHODS;
  api.maxHeaderSize = 16384;
  api.createServer = refuseServer;
  api.Server = class Server {
    constructor() {
      refuseServer();
    }
  };
  api.ServerResponse = class ServerResponse {
    constructor() {
      refuseServer();
    }
  };
  api.validateHeaderName = name => {
    if (typeof name !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw invalidArg(`Header name must be a valid HTTP token ["${name}"]`, 'ERR_INVALID_HTTP_TOKEN');
    }
  };
  api.validateHeaderValue = (name, value) => {
    if (value === undefined) {
      throw invalidArg(`Invalid value "undefined" for header "${name}"`, 'ERR_HTTP_INVALID_HEADER_VALUE');
    }
  };
  api.setMaxIdleHTTPParsers = () => {};
  return api;
};
