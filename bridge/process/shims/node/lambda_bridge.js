'use strict';
// lambda-bridge Node.js shim: serves an ordinary Lambda Node.js module as a persistent lambda-bridge worker
// (_HANDLER=worker:node index.js). Standard library only (Node.js 18+).
//
// The shim is a preload: the bridge starts the worker with NODE_OPTIONS='--require "<shims>/node/lambda_bridge.js"'
// (by hand: node -r ./lambda_bridge.js index.js). Node.js then loads the function's module as its main module, as
// usual (CommonJS, or ES module for .mjs and "type": "module"), and the shim serves its exported `handler`:
//
//     exports.handler = async (event, context) => ({ result: Object.keys(event).length });
//     export const handler = async (event, context) => ...;          // ES module
//     exports.handler = (event, context, callback) => callback(null, result);
//
// with AWS's Node.js context (awsRequestId, functionName, getRemainingTimeInMillis(), callbackWaitsForEmptyEventLoop,
// ...) and AWS's error format (errorType the error's name, errorMessage, trace the lines of its stack).
//
// The protocol (docs/worker-protocol.md): connect to $LAMBDA_BRIDGE_WORKER_SOCKET, send READY once the module is
// loaded (or ERROR when it fails to load or exports no handler), then answer each INVOKE with RESULT or ERROR. Frames
// travel over the socket only, so console.log and process.stdout go to stdout/stderr, which the bridge writes to the
// function's log.
//
// Exit status: 0 the bridge closed the connection between invocations; 1 the module failed to load, or an uncaught
// exception or unhandled rejection (after ERROR was sent); 2 misconfiguration (no socket, cannot connect,
// unsupported protocol); 3 protocol error; process.exit inside a handler: its status, after ERROR.

const fs = require('fs');
const net = require('net');
const path = require('path');
const { pathToFileURL } = require('url');

const PROTOCOL = 1;
const MAX_HEADER = 64;
// Lambda's 6 MiB request limit plus room for the context the bridge wraps around the event.
const MAX_INVOKE = 6 * 1024 * 1024 + 64 * 1024;
// Lambda's response limit (6 MiB + 100 bytes); the shim answers a larger result with an ERROR.
const MAX_RESPONSE = 6 * 1024 * 1024 + 100;
const HEADER = /^([A-Z]+) (0|[1-9][0-9]{0,9})\n$/;
const STARTED = Symbol.for('lambda-bridge.node-shim');

class ProtocolError extends Error {}

/** Bytes shown for a message: printable ASCII as is, the rest escaped, cut to 100 bytes. */
function escape(bytes) {
  const shown = JSON.stringify(bytes.subarray(0, 100).toString('latin1'));
  return bytes.length > 100 ? `${shown}... (${bytes.length} bytes)` : shown;
}

function fail(status, message) {
  process.stderr.write(`lambda-bridge Node.js shim: ${message}\n`);
  process.exit(status);
}

/** {errorType, errorMessage, trace} as AWS's Node.js runtime reports an error; causes as "Caused by" lines. */
function errorOf(error) {
  if (error instanceof Error || (error !== null && typeof error === 'object' && typeof error.message === 'string')) {
    const trace = [];
    let e = error;
    for (let seen = 0; e !== null && e !== undefined && seen < 10; seen++, e = e.cause) {
      const lines = typeof e.stack === 'string' ? e.stack.split('\n') : [`${typeName(e)}: ${e.message}`];
      if (seen > 0) {
        lines[0] = `Caused by: ${lines[0]}`;
      }
      trace.push(...lines);
      if (!(e.cause instanceof Error)) {
        break;
      }
    }
    return { errorType: typeName(error), errorMessage: String(error.message), trace };
  }
  let message;
  try {
    message = typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  } catch {
    message = Object.prototype.toString.call(error);
  }
  return { errorType: typeof error, errorMessage: message, trace: [] };
}

function typeName(error) {
  if (typeof error.name === 'string' && error.name !== '') {
    return error.name;
  }
  return (error.constructor && error.constructor.name) || 'Error';
}

function plainError(errorType, errorMessage) {
  return { errorType, errorMessage, trace: [] };
}

/** The context of an invocation, with the names of AWS's Node.js runtime (memoryLimitInMB is a string there too). */
function contextOf(c, finish) {
  if (c === null || typeof c !== 'object' || typeof c.requestId !== 'string' || !Number.isInteger(c.deadlineMs)) {
    throw new Error('INVOKE "context" must be an object with a string "requestId" and an integer "deadlineMs", got '
      + String(JSON.stringify(c)).slice(0, 200));
  }
  const deadlineMs = c.deadlineMs;
  const context = {
    awsRequestId: c.requestId,
    functionName: String(c.functionName ?? ''),
    functionVersion: String(c.functionVersion ?? ''),
    invokedFunctionArn: String(c.invokedFunctionArn ?? ''),
    memoryLimitInMB: String(c.memoryLimitInMB ?? ''),
    logGroupName: String(c.logGroupName ?? ''),
    logStreamName: String(c.logStreamName ?? ''),
    identity: c.identity ?? undefined,
    clientContext: c.clientContext ?? undefined,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => deadlineMs - Date.now(),
  };
  // the legacy completion methods of AWS's context
  context.done = (error, result) => finish(error, result);
  context.succeed = (result) => finish(null, result);
  context.fail = (error) => finish(error ?? new Error('context.fail() without an error'));
  return context;
}

/** The framed connection to the bridge, and the invocations it carries, one at a time. */
class Worker {
  constructor(socketPath, mainPath) {
    this.mainPath = mainPath;
    this.buffered = [];
    this.bufferedBytes = 0;
    this.handler = null;
    this.current = null; // the invocation being served
    this.closed = false;
    this.decoder = new TextDecoder('utf-8', { fatal: true });
    this.socket = net.createConnection(socketPath);
    this.connected = new Promise((resolve) => {
      this.socket.once('connect', resolve);
    });
    this.socket.once('error', (e) => fail(2, `cannot connect to LAMBDA_BRIDGE_WORKER_SOCKET=${socketPath}: ${e.message}`));
    this.socket.once('connect', () => {
      this.socket.removeAllListeners('error');
      this.socket.on('error', (e) => fail(1, `the connection to the bridge failed: ${e.message}`));
    });
    this.socket.on('data', (chunk) => this.receive(chunk));
    this.socket.on('end', () => this.ended());
  }

  /** Loads the main module's handler once Node.js has run the module, then sends READY. */
  async load() {
    let handler;
    try {
      handler = await this.exportedHandler();
    } catch (e) {
      return this.initFailed(initError(e));
    }
    const name = `${path.basename(this.mainPath).replace(/\.[cm]?js$/, '')}.handler`;
    if (handler === undefined || handler === null) {
      return this.initFailed(plainError('Runtime.HandlerNotFound', `${name} is undefined or not exported`));
    }
    if (typeof handler !== 'function') {
      return this.initFailed(plainError('Runtime.HandlerNotFound', `${name} is not a function`));
    }
    this.handler = handler;
    await this.connected;
    this.write('READY', JSON.stringify({ protocol: PROTOCOL, shim: 'node' }));
    this.next();
  }

  async exportedHandler() {
    const main = require.main;
    if (main && main.loaded) { // CommonJS: Node.js ran it synchronously, before this runs
      return main.exports && main.exports.handler;
    }
    let file = this.mainPath;
    try {
      file = require.resolve(file);
    } catch {
      // an ES module path that CommonJS resolution does not know: import it as given
    }
    // the module Node.js is loading as its main module: the same instance, once it has been evaluated
    const namespace = await import(pathToFileURL(file).href);
    if (namespace.handler !== undefined) {
      return namespace.handler;
    }
    return namespace.default && namespace.default.handler;
  }

  async initFailed(error) {
    this.initFailedAlready = true;
    await this.connected;
    this.write('ERROR', JSON.stringify(error), () => process.exit(1));
  }

  receive(chunk) {
    this.buffered.push(chunk);
    this.bufferedBytes += chunk.length;
    this.next();
  }

  /** Starts the next INVOKE when one has arrived whole and none is being served. */
  next() {
    if (this.current !== null || this.handler === null || this.bufferedBytes === 0) {
      return;
    }
    let data = this.buffered.length === 1 ? this.buffered[0] : Buffer.concat(this.buffered, this.bufferedBytes);
    this.buffered = [data];
    const newline = data.subarray(0, MAX_HEADER).indexOf(10);
    if (newline < 0) {
      if (data.length >= MAX_HEADER) {
        this.protocolError(`frame header longer than 64 bytes (expected "TYPE LENGTH\\n"): ${escape(data.subarray(0, MAX_HEADER))}`);
      }
      return; // more of the header to come
    }
    const header = data.subarray(0, newline + 1);
    const match = HEADER.exec(header.toString('latin1'));
    if (!match) {
      return this.protocolError(`malformed frame header (expected "TYPE LENGTH\\n"): ${escape(header)}`);
    }
    if (match[1] !== 'INVOKE') {
      return this.protocolError(`unexpected frame type ${match[1]} (a worker only reads INVOKE): ${escape(header)}`);
    }
    const length = Number(match[2]);
    if (length > MAX_INVOKE) {
      return this.protocolError(`INVOKE of ${length} bytes is over the limit of ${MAX_INVOKE} bytes`);
    }
    if (data.length < header.length + length) {
      return; // more of the payload to come
    }
    const payload = data.subarray(header.length, header.length + length);
    data = data.subarray(header.length + length);
    this.buffered = data.length ? [data] : [];
    this.bufferedBytes = data.length;
    this.invoke(payload);
  }

  ended() {
    if (this.bufferedBytes > 0) {
      const data = Buffer.concat(this.buffered, this.bufferedBytes);
      const newline = data.subarray(0, MAX_HEADER).indexOf(10);
      if (newline < 0) {
        return this.protocolError(`end of stream inside a frame header (expected "TYPE LENGTH\\n"): ${escape(data)}`);
      }
      const match = HEADER.exec(data.subarray(0, newline + 1).toString('latin1'));
      const length = match ? Number(match[2]) : 0;
      return this.protocolError(`end of stream inside an INVOKE frame: got ${data.length - newline - 1} of ${length} bytes`);
    }
    this.closed = true;
    if (this.current === null) {
      process.exit(0);
    }
  }

  protocolError(message) {
    fail(3, `protocol error: ${message}`);
  }

  invoke(payload) {
    let request;
    const invocation = { settled: false, callbackArgs: null, waiting: false, onEmpty: null };
    const finish = (error, result) => this.finish(invocation, error, result);
    try {
      request = JSON.parse(this.decoder.decode(payload));
      if (request === null || typeof request !== 'object' || Array.isArray(request) || !('event' in request)) {
        throw new Error('INVOKE payload must be an object with "context" and "event"');
      }
      invocation.context = contextOf(request.context, (error, result) => callback(error, result));
    } catch (e) {
      return this.answer('ERROR', JSON.stringify(plainError('Runtime.UnmarshalError',
        `cannot decode the INVOKE payload: ${e.message}`)));
    }
    const context = invocation.context;
    this.current = invocation;
    invocation.requestId = context.awsRequestId;
    const trace = request.context.traceId;
    if (typeof trace === 'string' && trace !== '' && !trace.includes('\0')) {
      process.env._X_AMZN_TRACE_ID = trace;
    } else {
      delete process.env._X_AMZN_TRACE_ID;
    }
    // AWS's callback: answers at once, or (callbackWaitsForEmptyEventLoop, the default) once the event loop is empty
    const callback = (error, result) => {
      if (invocation.settled || invocation.callbackArgs !== null) {
        return;
      }
      invocation.callbackArgs = [error, result];
      if (context.callbackWaitsForEmptyEventLoop) {
        this.answerWhenTheEventLoopIsEmpty(invocation);
      } else {
        finish(error, result);
      }
    };
    let returned;
    try {
      returned = this.handler(request.event, context, callback);
    } catch (e) {
      return finish(e === undefined || e === null ? new Error(`the handler threw ${e}`) : e);
    }
    if (returned !== null && (typeof returned === 'object' || typeof returned === 'function')
        && typeof returned.then === 'function') {
      Promise.resolve(returned).then((result) => finish(null, result),
        (e) => finish(e === undefined || e === null ? new Error(`the handler's promise was rejected with ${e}`) : e));
    } else {
      // neither a promise nor (yet) the callback: as AWS's runtime, null once the event loop is empty
      this.answerWhenTheEventLoopIsEmpty(invocation);
    }
  }

  /** 'beforeExit' comes when nothing but the (unreferenced) connection is left on the event loop. */
  answerWhenTheEventLoopIsEmpty(invocation) {
    if (invocation.waiting || invocation.settled) {
      return;
    }
    invocation.waiting = true;
    invocation.onEmpty = () => {
      const [error, result] = invocation.callbackArgs ?? [null, null];
      this.finish(invocation, error, result);
    };
    process.once('beforeExit', invocation.onEmpty);
    this.socket.unref();
  }

  finish(invocation, error, result) {
    if (invocation.settled) {
      return;
    }
    invocation.settled = true;
    if (invocation.waiting) {
      process.removeListener('beforeExit', invocation.onEmpty);
      this.socket.ref();
    }
    if (error !== null && error !== undefined) {
      return this.answer('ERROR', JSON.stringify(errorOf(error)));
    }
    let json;
    try {
      json = JSON.stringify(result === undefined ? null : result);
    } catch (e) {
      return this.answer('ERROR', JSON.stringify(plainError('Runtime.MarshalError',
        `Unable to stringify response body: ${e.message}`)));
    }
    this.answer('RESULT', json === undefined ? 'null' : json);
  }

  answer(type, text) {
    const body = Buffer.from(text, 'utf8');
    if (type === 'RESULT' && body.length > MAX_RESPONSE) {
      return this.answer('ERROR', JSON.stringify(plainError('Function.ResponseSizeTooLarge',
        `Response payload size (${body.length} bytes) exceeded maximum allowed payload size (${MAX_RESPONSE} bytes).`)));
    }
    this.current = null;
    this.write(type, body);
    if (this.closed) {
      process.exit(0);
    }
    setImmediate(() => this.next());
  }

  write(type, payload, done) {
    const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
    this.socket.cork();
    this.socket.write(`${type} ${body.length}\n`);
    this.socket.write(body, done);
    this.socket.uncork();
  }

  /** A synchronous ERROR for the 'exit' event, when no event loop turn is left to send it. */
  writeNow(type, text) {
    const body = Buffer.from(text, 'utf8');
    const fd = this.socket._handle && this.socket._handle.fd;
    if (typeof fd === 'number' && fd >= 0) {
      try {
        fs.writeSync(fd, Buffer.concat([Buffer.from(`${type} ${body.length}\n`), body]));
      } catch {
        // the bridge reports the exit itself
      }
    }
  }

  /** An uncaught exception or unhandled rejection: the invocation's error (or the init error), then exit 1. */
  uncaught(error, errorType) {
    process.stderr.write(`${errorType ? `${errorType}: ` : 'Uncaught '}${error && error.stack ? error.stack : String(error)}\n`);
    const report = errorOf(error);
    if (errorType) {
      report.errorMessage = `${report.errorType}: ${report.errorMessage}`;
      report.errorType = errorType;
    }
    if (this.handler === null && !this.initFailedAlready) {
      return this.initFailed(initError(error));
    }
    if (this.current !== null && !this.current.settled) {
      this.current.settled = true;
      this.current = null;
      return this.write('ERROR', JSON.stringify(report), () => process.exit(1));
    }
    process.exit(1);
  }
}

/** The init error of a module that fails to load, with the errorTypes of AWS's Node.js runtime. */
function initError(error) {
  const report = errorOf(error);
  if (error instanceof SyntaxError) {
    return { ...report, errorType: 'Runtime.UserCodeSyntaxError', errorMessage: `SyntaxError: ${report.errorMessage}` };
  }
  if (error && (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_MODULE_NOT_FOUND')) {
    return { ...report, errorType: 'Runtime.ImportModuleError', errorMessage: `Error: ${report.errorMessage}` };
  }
  return report;
}

/** Takes this preload out of NODE_OPTIONS, so that the Node.js programs the function starts do not get it. */
function removeFromNodeOptions() {
  const options = process.env.NODE_OPTIONS;
  if (!options) {
    return;
  }
  const left = options.replace(/(^|\s)(?:--require|-r)(?:=|\s+)("(?:[^"\\]|\\.)*"|\S+)/g, (all, space, value) => {
    const file = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
    return path.resolve(file) === __filename ? space : all;
  }).trim();
  if (left === '') {
    delete process.env.NODE_OPTIONS;
  } else {
    process.env.NODE_OPTIONS = left;
  }
}

function start() {
  removeFromNodeOptions();
  const socketPath = process.env.LAMBDA_BRIDGE_WORKER_SOCKET || '';
  const main = process.argv[1];
  if (socketPath === '') {
    fail(2, 'LAMBDA_BRIDGE_WORKER_SOCKET is not set: this module is served as a lambda-bridge worker by the bridge, '
      + `with _HANDLER="worker:node ${main ? path.basename(main) : 'index.js'}" (see docs/worker-protocol.md)`);
  }
  const protocol = process.env.LAMBDA_BRIDGE_PROTOCOL || '';
  if (protocol !== '' && protocol !== String(PROTOCOL)) {
    fail(2, `LAMBDA_BRIDGE_PROTOCOL=${protocol} is not supported by this shim (it speaks protocol 1)`);
  }
  if (!main) {
    fail(2, 'no module to serve: start the worker as node index.js (the module that exports the handler)');
  }
  const worker = new Worker(socketPath, path.resolve(main));
  process.on('uncaughtException', (error) => worker.uncaught(error, null));
  process.on('unhandledRejection', (reason) => worker.uncaught(reason, 'Runtime.UnhandledPromiseRejection'));
  process.on('exit', (code) => {
    if (worker.current !== null && !worker.current.settled) {
      worker.current.settled = true;
      worker.writeNow('ERROR', JSON.stringify({
        errorType: 'Runtime.ExitError',
        errorMessage: `the handler exited (process.exit(${code})) during invocation ${worker.current.requestId}`,
        trace: [],
      }));
    }
  });
  // after Node.js has run the main module (a CommonJS module runs synchronously right after the preloads)
  setImmediate(() => worker.load());
}

if (!globalThis[STARTED]) {
  globalThis[STARTED] = true;
  start();
}

module.exports = { errorOf, escape };
