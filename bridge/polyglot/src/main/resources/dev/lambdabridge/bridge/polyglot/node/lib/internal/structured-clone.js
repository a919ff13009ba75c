// structuredClone: the HTML structured clone of the values a handler passes around (primitives, plain objects,
// arrays, Date, RegExp, Map, Set, ArrayBuffer and its views, Error, boxed primitives), with cycles kept;
// functions and symbols fail with a DataCloneError, as in Node. Written here: GraalJS has no structuredClone.
'use strict';
function dataCloneError(value) {
  const error = new Error(`${typeof value === 'function' ? String(value).slice(0, 60) : String(value)} could not be cloned.`);
  error.name = 'DataCloneError';
  error.code = 25;
  return error;
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    const error = new TypeError('The "value" argument must be specified');
    error.code = 'ERR_MISSING_ARGS';
    throw error;
  }
  const seen = new Map();
  function clone(v) {
    if (typeof v === 'function' || typeof v === 'symbol') {
      throw dataCloneError(v);
    }
    if (v === null || typeof v !== 'object') {
      return v;
    }
    if (seen.has(v)) {
      return seen.get(v);
    }
    let out;
    if (Array.isArray(v)) {
      out = new Array(v.length);
      seen.set(v, out);
      for (const key of Object.keys(v)) {
        out[key] = clone(v[key]);
      }
      return out;
    }
    if (v instanceof Date) {
      out = new Date(v.getTime());
    } else if (v instanceof RegExp) {
      out = new RegExp(v.source, v.flags);
    } else if (v instanceof ArrayBuffer) {
      out = v.slice(0);
    } else if (ArrayBuffer.isView(v)) {
      const buffer = clone(v.buffer);
      out = v instanceof DataView ? new DataView(buffer, v.byteOffset, v.byteLength)
        : new (Object.getPrototypeOf(Object.getPrototypeOf(v)) === Uint8Array.prototype ? Uint8Array : v.constructor)(
            buffer, v.byteOffset, v.length);
    } else if (v instanceof Map) {
      out = new Map();
      seen.set(v, out);
      for (const [k, val] of v) {
        out.set(clone(k), clone(val));
      }
      return out;
    } else if (v instanceof Set) {
      out = new Set();
      seen.set(v, out);
      for (const val of v) {
        out.add(clone(val));
      }
      return out;
    } else if (v instanceof Error) {
      const Type = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError }[v.name] || Error;
      out = new Type(v.message);
      seen.set(v, out);
      if (v.stack !== undefined) {
        out.stack = String(v.stack);
      }
      if ('cause' in v) {
        out.cause = clone(v.cause);
      }
      return out;
    } else if (v instanceof Number || v instanceof String || v instanceof Boolean) {
      out = Object(v.valueOf());
    } else if (v instanceof WeakMap || v instanceof WeakSet || v instanceof Promise || v instanceof WeakRef) {
      throw dataCloneError(v);
    } else {
      const tag = Object.prototype.toString.call(v);
      if (tag !== '[object Object]' && tag !== '[object Arguments]') {
        throw dataCloneError(v);
      }
      out = {};
      seen.set(v, out);
      for (const key of Object.keys(v)) {
        out[key] = clone(v[key]);
      }
      return out;
    }
    seen.set(v, out);
    return out;
  }
  return clone(value);
}
module.exports = structuredClone;
