// zlib: gzip/deflate/deflateRaw and their inverses (and unzip) on the JDK's zlib (host.zlib, java.util.zip): the
// *Sync forms, the callback forms (answered in the event loop's I/O phase) and the streams (Transform). Brotli is
// refused: the JDK has none.
'use strict';
const backing = host.zlib;
const { Buffer } = require('buffer');
const { Transform } = require('stream');

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5, Z_OK: 0,
  Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4,
  Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9,
  Z_DEFAULT_COMPRESSION: -1, Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0,
  ZLIB_VERNUM: 4865, DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9, Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9,
  Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
};
exports.constants = constants;
for (const [key, value] of Object.entries(constants)) {
  if (key.startsWith('Z_')) {
    exports[key] = value;
  }
}
exports.codes = { Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6 };

function input(data) {
  if (typeof data === 'string') {
    return Buffer.from(data);
  }
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  if (data instanceof ArrayBuffer) {
    return new Uint8Array(data);
  }
  const error = new TypeError('The "buffer" argument must be of type string or an instance of Buffer, TypedArray, '
      + 'DataView, or ArrayBuffer. Received ' + (data === null ? 'null' : typeof data));
  error.code = 'ERR_INVALID_ARG_TYPE';
  throw error;
}

function level(options) {
  return options && typeof options.level === 'number' ? options.level : -1;
}

function run(mode, data, options) {
  const bytes = input(data);
  return Buffer._fromHost(backing.process(mode, level(options), bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

const modes = { gzip: 'Gzip', gunzip: 'Gunzip', deflate: 'Deflate', inflate: 'Inflate', deflateRaw: 'DeflateRaw',
  inflateRaw: 'InflateRaw', unzip: 'Unzip' };
const compressing = new Set(['gzip', 'deflate', 'deflateRaw']);

class ZlibStream extends Transform {
  constructor(mode, options) {
    super(options);
    this._mode = mode;
    this._level = level(options);
    this._compressor = compressing.has(mode) ? backing.compressor(mode, this._level) : null;
    this._pending = [];
    this.bytesWritten = 0;
  }
  _transform(chunk, encoding, callback) {
    const bytes = input(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
    this.bytesWritten += bytes.byteLength;
    if (this._compressor === null) {
      this._pending.push(Buffer.from(bytes));
      callback();
      return;
    }
    try {
      const out = Buffer._fromHost(this._compressor.write(bytes.buffer, bytes.byteOffset, bytes.byteLength, false));
      callback(null, out.length > 0 ? out : undefined);
    } catch (e) {
      callback(e);
    }
  }
  _flush(callback) {
    try {
      if (this._compressor === null) {
        callback(null, run(this._mode, Buffer.concat(this._pending)));
      } else {
        callback(null, Buffer._fromHost(this._compressor.write(new ArrayBuffer(0), 0, 0, true)));
      }
    } catch (e) {
      callback(e);
    }
  }
  flush(kind, callback) {
    if (typeof kind === 'function') {
      callback = kind;
    }
    if (this._compressor !== null) {
      const out = Buffer._fromHost(this._compressor.write(new ArrayBuffer(0), 0, 0, false, true));
      if (out.length > 0) {
        this.push(out);
      }
    }
    if (typeof callback === 'function') {
      process.nextTick(callback);
    }
  }
  close(callback) {
    if (callback) {
      process.nextTick(callback);
    }
    this.destroy();
  }
  params(levelValue, strategy, callback) {
    process.nextTick(callback);
  }
  reset() {}
}

for (const [mode, name] of Object.entries(modes)) {
  const StreamClass = class extends ZlibStream {
    constructor(options) {
      super(mode, options);
    }
  };
  Object.defineProperty(StreamClass, 'name', { value: name });
  exports[name] = StreamClass;
  exports['create' + name] = options => new StreamClass(options);
  exports[mode + 'Sync'] = (data, options) => run(mode, data, options);
  exports[mode] = function (data, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    let result;
    let error = null;
    try {
      result = run(mode, data, options);
    } catch (e) {
      error = e;
    }
    require('internal/io').post(() => (error ? callback(error) : callback(null, result)));
  };
}

function refuseBrotli(name) {
  return function () {
    const error = new Error(`zlib.${name}() is not available in lambda-bridge's in-process JavaScript: the JDK has `
        + 'no Brotli codec (gzip and deflate are there)');
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  };
}
for (const name of ['brotliCompress', 'brotliCompressSync', 'brotliDecompress', 'brotliDecompressSync',
  'createBrotliCompress', 'createBrotliDecompress']) {
  exports[name] = refuseBrotli(name);
}
exports.crc32 = function crc32(data, value = 0) {
  const bytes = input(data);
  let crc = ~value >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    crc ^= bytes[i];
    for (let k = 0; k < 8; k++) {
      crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
    }
  }
  return ~crc >>> 0;
};
