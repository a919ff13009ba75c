// util: inspect and format from the npm package node-inspect-extracted (Node's own util.inspect, extracted; bundled
// as vendor/inspect), the rest written here: they are short, and the npm `util` package is Node 0.x's.
// node-inspect-extracted is loaded on the first inspect/format call: building its copies of the built-ins takes
// seconds in Truffle's interpreter, and most packages require util for promisify, inherits or deprecate only.
'use strict';
const types = require('util/types');
let loaded = null;
const inspector = () => (loaded === null ? (loaded = require('vendor/inspect')) : loaded);

function inspect(value, options) {
  return inspector().inspect.apply(undefined, arguments);
}
inspect.custom = Symbol.for('nodejs.util.inspect.custom');
for (const name of ['defaultOptions', 'colors', 'styles']) {
  Object.defineProperty(inspect, name, {
    get: () => inspector().inspect[name],
    set: value => {
      inspector().inspect[name] = value;
    },
    enumerable: true,
  });
}
exports.inspect = inspect;
exports.format = function format() {
  return inspector().format.apply(undefined, arguments);
};
exports.formatWithOptions = function formatWithOptions() {
  return inspector().formatWithOptions.apply(undefined, arguments);
};
exports.stripVTControlCharacters = function stripVTControlCharacters(text) {
  return inspector().stripVTControlCharacters(text);
};
exports.types = types;
exports.TextEncoder = TextEncoder;
exports.TextDecoder = TextDecoder;

function invalidArgType(name, expected, actual) {
  const error = new TypeError(`The "${name}" argument must be of type ${expected}. Received ${
    actual === null ? 'null' : typeof actual === 'function' ? 'function ' + actual.name : 'type ' + typeof actual
      + (typeof actual === 'object' || actual === undefined ? '' : ` (${inspect(actual)})`)}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  return error;
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
function promisify(original) {
  if (typeof original !== 'function') {
    throw invalidArgType('original', 'function', original);
  }
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    if (typeof fn !== 'function') {
      throw invalidArgType('util.promisify.custom', 'function', fn);
    }
    return Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, ...values) => {
        if (err) {
          reject(err);
        } else {
          resolve(values[0]);
        }
      }]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisify;
exports.promisify = promisify;

exports.callbackify = function callbackify(original) {
  if (typeof original !== 'function') {
    throw invalidArgType('original', 'function', original);
  }
  function callbackified(...args) {
    const callback = args.pop();
    if (typeof callback !== 'function') {
      throw invalidArgType('last argument', 'function', callback);
    }
    Reflect.apply(original, this, args).then(
        value => process.nextTick(callback, null, value),
        reason => {
          if (!reason) {
            const error = new Error('Promise was rejected with a falsy value');
            error.code = 'ERR_FALSY_VALUE_REJECTION';
            error.reason = reason;
            reason = error;
          }
          process.nextTick(callback, reason);
        });
  }
  Object.defineProperties(callbackified, Object.getOwnPropertyDescriptors(original));
  return callbackified;
};

exports.inherits = function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw invalidArgType('ctor', 'function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw invalidArgType('superCtor', 'function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw invalidArgType('superCtor.prototype', 'object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
};

const deprecated = new Set();
exports.deprecate = function deprecate(fn, message, code) {
  let warned = false;
  function deprecatedFn(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code === undefined || !deprecated.has(code)) {
        if (code !== undefined) {
          deprecated.add(code);
        }
        process.emitWarning(message, 'DeprecationWarning', code);
      }
    }
    return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecatedFn, fn);
  if (fn.prototype) {
    deprecatedFn.prototype = fn.prototype;
  }
  return deprecatedFn;
};

exports.isDeepStrictEqual = function isDeepStrictEqual(a, b) {
  try {
    require('assert').deepStrictEqual(a, b);
    return true;
  } catch (e) {
    if (e && e.code === 'ERR_ASSERTION') {
      return false;
    }
    throw e;
  }
};

const debugs = {};
exports.debuglog = exports.debug = function debuglog(section, callback) {
  const name = String(section).toUpperCase();
  const enabled = new RegExp('^(' + String(process.env.NODE_DEBUG || '').replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replace(/\*/g, '.*').replace(/,/g, '$|^') + ')$', 'i').test(name) && !!process.env.NODE_DEBUG;
  const logger = function (...args) {
    if (enabled) {
      process.stderr.write(`${name} ${process.pid}: ${exports.format(...args)}\n`);
    }
  };
  logger.enabled = enabled;
  debugs[name] = logger;
  if (callback) {
    callback(logger);
  }
  return logger;
};

exports.toUSVString = s => String(s).toWellFormed ? String(s).toWellFormed() : String(s);
exports.getSystemErrorName = code => ({ [-2]: 'ENOENT', [-13]: 'EACCES', [-17]: 'EEXIST', [-111]: 'ECONNREFUSED' })[code];
exports.aborted = (signal, resource) => new Promise(resolve => {
  if (signal.aborted) {
    resolve();
  } else {
    signal.addEventListener('abort', () => resolve(), { once: true });
  }
});
exports.styleText = (format, text) => {
  const codes = exports.inspect.colors;
  const [open, close] = codes[format] || [0, 0];
  return `\u001b[${open}m${text}\u001b[${close}m`;
};

// the legacy type checks (deprecated in Node, still there)
exports.isArray = Array.isArray;
exports.isBoolean = v => typeof v === 'boolean';
exports.isNull = v => v === null;
exports.isNullOrUndefined = v => v === null || v === undefined;
exports.isNumber = v => typeof v === 'number';
exports.isString = v => typeof v === 'string';
exports.isSymbol = v => typeof v === 'symbol';
exports.isUndefined = v => v === undefined;
exports.isRegExp = types.isRegExp;
exports.isObject = v => v !== null && typeof v === 'object';
exports.isDate = types.isDate;
exports.isError = v => types.isNativeError(v) || v instanceof Error;
exports.isFunction = v => typeof v === 'function';
exports.isPrimitive = v => v === null || (typeof v !== 'object' && typeof v !== 'function');
exports.isBuffer = v => require('buffer').Buffer.isBuffer(v);
