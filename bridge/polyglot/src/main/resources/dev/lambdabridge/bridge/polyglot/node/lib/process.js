// process: Node's process object, built on the one bridge.js started (it has env). The EventEmitter half is
// loaded on the first on()/emit(), stdout/stderr on first use, so that a handler that only reads process.env
// does not pay for them.
'use strict';
const loop = host.loop;
const backing = host.process;
const NODE_VERSION = 'v22.23.5';

const process = globalThis.process || {};
module.exports = process;

function define(name, value) {
  Object.defineProperty(process, name, { value, writable: true, configurable: true, enumerable: true });
}
function lazy(name, make) {
  Object.defineProperty(process, name, {
    get() {
      const value = make();
      define(name, value);
      return value;
    },
    set(value) {
      define(name, value);
    },
    configurable: true,
    enumerable: true,
  });
}

define('title', 'node');
define('version', NODE_VERSION);
define('versions', {
  node: NODE_VERSION.slice(1), acorn: '8.14.0', ada: '2.9.2', ares: '1.34.5', brotli: '1.1.0', cjs_module_lexer: '1.4.1',
  cldr: '46.0', icu: '76.1', llhttp: '9.2.1', modules: '127', napi: '10', nghttp2: '1.64.0', openssl: '3.0.15+quic',
  simdjson: '3.10.1', simdutf: '6.0.3', tz: '2025a', undici: '6.21.1', unicode: '16.0', uv: '1.49.2',
  uvwasi: '0.0.21', v8: '12.4.254.21-node.33', zlib: '1.3.0.1-motley-82a5fec',
});
define('arch', backing.arch);
define('platform', 'linux');
define('release', { name: 'node', lts: 'Jod', sourceUrl: '', headersUrl: '' });
define('argv0', 'node');
define('execPath', '/var/lang/bin/node');
define('argv', ['/var/lang/bin/node', '/var/runtime/index.mjs']);
define('execArgv', []);
define('pid', backing.pid);
define('ppid', backing.ppid);
define('exitCode', undefined);
define('config', { target_defaults: {}, variables: {} });
define('features', { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true,
  tls_ocsp: true, tls: true, cached_builtins: true, require_module: false, typescript: false });
define('allowedNodeEnvironmentFlags', new Set());
if (!process.env) {
  define('env', {});
}

const cwd = backing.cwd;
define('cwd', function cwd_() {
  return cwd;
});
define('chdir', function chdir(directory) {
  const error = new Error(`process.chdir(${JSON.stringify(directory)}) is not supported: lambda-bridge's JavaScript `
      + 'runs with the task root as its working directory');
  error.code = 'ERR_NOT_SUPPORTED';
  throw error;
});
define('umask', () => 0o22);
define('getuid', () => backing.uid);
define('geteuid', () => backing.uid);
define('getgid', () => backing.gid);
define('getegid', () => backing.gid);
define('getgroups', () => [backing.gid]);

define('nextTick', loop.nextTick);

function hrtime(previous) {
  const now = backing.hrtime();
  let seconds = Math.floor(now / 1e9);
  let nanos = now - seconds * 1e9;
  if (previous !== undefined) {
    if (!Array.isArray(previous) || previous.length !== 2) {
      const error = new TypeError('The "time" argument must be an instance of Array. Received ' + typeof previous);
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    seconds -= previous[0];
    nanos -= previous[1];
    if (nanos < 0) {
      seconds--;
      nanos += 1e9;
    }
  }
  return [seconds, nanos];
}
hrtime.bigint = () => BigInt(backing.hrtime());
define('hrtime', hrtime);

function memoryUsage() {
  const usage = backing.memoryUsage();
  return { rss: usage.rss, heapTotal: usage.heapTotal, heapUsed: usage.heapUsed, external: usage.external,
    arrayBuffers: usage.arrayBuffers };
}
memoryUsage.rss = () => backing.memoryUsage().rss;
define('memoryUsage', memoryUsage);
define('uptime', () => backing.uptime());

define('exit', function exit(code) {
  if (code !== undefined) {
    process.exitCode = code;
  }
  const status = Number(process.exitCode) || 0;
  try {
    process.emit('exit', status);
  } finally {
    loop.exit(status);
  }
});
define('reallyExit', process.exit);
define('abort', () => loop.exit(134));
define('kill', function kill(pid, signal) {
  const error = new Error(`kill ${pid} ${signal || 'SIGTERM'}: lambda-bridge's in-process JavaScript may not send `
      + 'signals');
  error.code = 'EPERM';
  error.syscall = 'kill';
  throw error;
});
define('binding', function binding(name) {
  throw new Error('No such module: ' + name);
});

// warnings as Node prints them on stderr: "(node:PID) [CODE] Type: message"
const warned = new Set();
define('emitWarning', function emitWarning(warning, type, code) {
  let name = 'Warning';
  if (type !== null && typeof type === 'object') {
    code = type.code;
    name = type.type || name;
  } else if (typeof type === 'string') {
    name = type;
  }
  if (typeof warning === 'string') {
    warning = Object.assign(new Error(warning), { name });
    if (code) {
      warning.code = code;
    }
  }
  if (warning.name === 'DeprecationWarning' && process.noDeprecation) {
    return;
  }
  loop.nextTick(() => {
    process.emit('warning', warning);
    backing.write(2, `(node:${process.pid}) ${warning.code ? '[' + warning.code + '] ' : ''}${warning.name}: `
        + `${warning.message}\n`);
    if (!warned.has('trace')) {
      warned.add('trace');
      backing.write(2, '(Use `node --trace-warnings ...` to show where the warning was created)\n');
    }
  });
});

// the EventEmitter half, on first use
const emitterMethods = ['on', 'once', 'off', 'emit', 'addListener', 'removeListener', 'removeAllListeners',
  'prependListener', 'prependOnceListener', 'listeners', 'rawListeners', 'listenerCount', 'eventNames',
  'setMaxListeners', 'getMaxListeners'];
let emitter = false;
function becomeEmitter() {
  if (!emitter) {
    emitter = true;
    const { EventEmitter } = require('events');
    for (const method of emitterMethods) {
      delete process[method];
    }
    Object.setPrototypeOf(process, EventEmitter.prototype);
    EventEmitter.call(process);
  }
}
for (const method of emitterMethods) {
  Object.defineProperty(process, method, {
    value: function (...args) {
      if (!emitter && (method === 'emit' || method === 'listenerCount' || method === 'listeners'
          || method === 'rawListeners' || method === 'eventNames' || method === 'removeListener'
          || method === 'off' || method === 'removeAllListeners')) {
        // nothing is listening yet: no need to load events for these
        return method === 'emit' ? false : method === 'listenerCount' ? 0 : method.endsWith('Listener')
            || method === 'off' || method === 'removeAllListeners' ? process : [];
      }
      becomeEmitter();
      return process[method](...args);
    },
    writable: true, configurable: true, enumerable: false,
  });
}
// a callback that throws goes to 'uncaughtException' listeners when there are any (bridge.js's loop asks)
loop.uncaught.handler = error => {
  if (!emitter || process.listenerCount('uncaughtException') === 0) {
    return false;
  }
  process.emit('uncaughtException', error, 'uncaughtException');
  return true;
};

// stdout and stderr: each write goes to the function's log (a line per record, as Lambda's runtime logs them)
function logStream(fd) {
  const { EventEmitter } = require('events');
  const stream = new EventEmitter();
  Object.assign(stream, {
    fd, isTTY: false, writable: true, _isStdio: true, writableLength: 0, writableHighWaterMark: 16384,
    write(chunk, encoding, callback) {
      if (typeof encoding === 'function') {
        callback = encoding;
        encoding = undefined;
      }
      const text = typeof chunk === 'string' ? chunk : require('buffer').Buffer.from(chunk).toString(encoding || 'utf8');
      backing.write(fd, text);
      if (typeof callback === 'function') {
        loop.nextTick(callback);
      }
      return true;
    },
    end(chunk, encoding, callback) {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
        this.write(chunk, encoding);
      }
      const done = [chunk, encoding, callback].find(f => typeof f === 'function');
      if (done) {
        loop.nextTick(done);
      }
      return this;
    },
    cork() {},
    uncork() {},
    setDefaultEncoding() {
      return this;
    },
    getColorDepth() {
      return 1;
    },
    hasColors() {
      return false;
    },
  });
  return stream;
}
lazy('stdout', () => logStream(1));
lazy('stderr', () => logStream(2));
lazy('stdin', () => {
  const { Readable } = require('stream');
  const stdin = new Readable({ read() {
    this.push(null);
  } });
  stdin.fd = 0;
  stdin.isTTY = false;
  return stdin;
});
