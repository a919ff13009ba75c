// crypto: hashes, HMACs and random values on the JDK (host.crypto: MessageDigest, Mac, SecureRandom), with
// Node's API and encodings; webcrypto has getRandomValues, randomUUID and subtle.digest. What it does not have
// (ciphers, signatures, key pairs, KDFs) throws an error that says so.
'use strict';
const backing = host.crypto;
const { Buffer } = require('buffer');

function invalidArgType(name, expected, actual) {
  const error = new TypeError(`The "${name}" argument must be ${expected}. Received ${actual === null ? 'null'
    : actual === undefined ? 'undefined' : 'type ' + typeof actual + ' (' + String(actual).slice(0, 20) + ')'}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  return error;
}

// data as a Uint8Array view (strings in the given encoding, utf8 by default)
function bytesOf(data, encoding, name = 'data') {
  if (typeof data === 'string') {
    return Buffer.from(data, encoding === 'buffer' ? 'utf8' : encoding);
  }
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  if (data instanceof ArrayBuffer) {
    return new Uint8Array(data);
  }
  throw invalidArgType(name, 'of type string or an instance of Buffer, TypedArray, or DataView', data);
}

function concat(chunks) {
  if (chunks.length === 1) {
    return chunks[0];
  }
  let size = 0;
  for (const chunk of chunks) {
    size += chunk.byteLength;
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

function encode(result, encoding) {
  return encoding === undefined || encoding === 'buffer' ? result : result.toString(encoding);
}

class Hash {
  constructor(algorithm, options) {
    if (typeof algorithm !== 'string') {
      throw invalidArgType('algorithm', 'of type string', algorithm);
    }
    if (!backing.hasDigest(algorithm)) {
      throw new Error('Digest method not supported');
    }
    this._algorithm = algorithm;
    this._chunks = [];
    this._done = false;
  }
  update(data, encoding) {
    if (this._done) {
      const error = new Error('Digest already called');
      error.code = 'ERR_CRYPTO_HASH_FINALIZED';
      throw error;
    }
    const bytes = bytesOf(data, encoding);
    // a copy: the caller may reuse its buffer before digest()
    this._chunks.push(bytes.slice());
    return this;
  }
  digest(encoding) {
    if (this._done) {
      const error = new Error('Digest already called');
      error.code = 'ERR_CRYPTO_HASH_FINALIZED';
      throw error;
    }
    this._done = true;
    const data = concat(this._chunks.length ? this._chunks : [new Uint8Array(0)]);
    return encode(Buffer._fromHost(backing.digest(this._algorithm, data.buffer, data.byteOffset, data.byteLength)),
        encoding);
  }
  copy() {
    const copy = new Hash(this._algorithm);
    copy._chunks = this._chunks.slice();
    return copy;
  }
}

class Hmac {
  constructor(algorithm, key, options) {
    if (typeof algorithm !== 'string') {
      throw invalidArgType('hmac', 'of type string', algorithm);
    }
    if (key && typeof key === 'object' && key.constructor && key.constructor.name === 'KeyObject') {
      key = key.export();
    }
    this._algorithm = algorithm;
    this._key = bytesOf(key, options && options.encoding, 'key').slice();
    this._chunks = [];
    this._done = false;
  }
  update(data, encoding) {
    this._chunks.push(bytesOf(data, encoding).slice());
    return this;
  }
  digest(encoding) {
    if (this._done) {
      return encode(Buffer.alloc(0), encoding);
    }
    this._done = true;
    const data = concat(this._chunks.length ? this._chunks : [new Uint8Array(0)]);
    const key = this._key;
    return encode(Buffer._fromHost(backing.hmac(this._algorithm, key.buffer, key.byteOffset, key.byteLength,
        data.buffer, data.byteOffset, data.byteLength)), encoding);
  }
}

exports.createHash = (algorithm, options) => new Hash(algorithm, options);
exports.createHmac = (algorithm, key, options) => new Hmac(algorithm, key, options);
exports.Hash = Hash;
exports.Hmac = Hmac;
exports.hash = (algorithm, data, encoding = 'hex') => new Hash(algorithm).update(data).digest(encoding);
exports.getHashes = () => ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha3-224', 'sha3-256', 'sha3-384',
  'sha3-512', 'sha512', 'sha512-224', 'sha512-256'];
exports.getCiphers = () => [];
exports.getCurves = () => [];

function checkSize(size) {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > 2 ** 31 - 1) {
    const error = typeof size !== 'number'
      ? invalidArgType('size', 'of type number', size)
      : new RangeError(`The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ${size}`);
    if (typeof size === 'number') {
      error.code = 'ERR_OUT_OF_RANGE';
    }
    throw error;
  }
}

function randomBytes(size, callback) {
  checkSize(size);
  const bytes = Buffer._fromHost(backing.randomBytes(size));
  if (typeof callback === 'function') {
    require('internal/io').post(() => callback(null, bytes));
    return undefined;
  }
  return bytes;
}
exports.randomBytes = randomBytes;
exports.pseudoRandomBytes = randomBytes;
exports.randomFillSync = function randomFillSync(buffer, offset = 0, size) {
  const view = new Uint8Array(buffer.buffer || buffer, (buffer.byteOffset || 0) + offset,
      size === undefined ? (buffer.byteLength - offset) : size);
  view.set(new Uint8Array(backing.randomBytes(view.byteLength)));
  return buffer;
};
exports.randomFill = function randomFill(buffer, offset, size, callback) {
  if (typeof offset === 'function') {
    [callback, offset, size] = [offset, 0, undefined];
  } else if (typeof size === 'function') {
    [callback, size] = [size, undefined];
  }
  exports.randomFillSync(buffer, offset, size);
  require('internal/io').post(() => callback(null, buffer));
};
exports.randomInt = function randomInt(min, max, callback) {
  if (max === undefined || typeof max === 'function') {
    [callback, max, min] = [max, min, 0];
  }
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max <= min) {
    const error = new RangeError(`The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`);
    error.code = 'ERR_OUT_OF_RANGE';
    throw error;
  }
  const range = max - min;
  const bytes = new Uint8Array(backing.randomBytes(6));
  let n = 0;
  for (const b of bytes) {
    n = n * 256 + b;
  }
  // rejection sampling over 48 bits, as Node does, so that every value is as likely
  const limit = 2 ** 48 - (2 ** 48 % range);
  const value = n < limit ? min + (n % range) : randomInt(min, max);
  if (typeof callback === 'function') {
    require('internal/io').post(() => callback(null, value));
    return undefined;
  }
  return value;
};
exports.randomUUID = () => backing.randomUUID();

exports.timingSafeEqual = function timingSafeEqual(a, b) {
  if (!ArrayBuffer.isView(a) && !(a instanceof ArrayBuffer)) {
    throw invalidArgType('buf1', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', a);
  }
  if (!ArrayBuffer.isView(b) && !(b instanceof ArrayBuffer)) {
    throw invalidArgType('buf2', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', b);
  }
  const x = bytesOf(a);
  const y = bytesOf(b);
  if (x.byteLength !== y.byteLength) {
    const error = new RangeError('Input buffers must have the same byte length');
    error.code = 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH';
    throw error;
  }
  let diff = 0;
  for (let i = 0; i < x.byteLength; i++) {
    diff |= x[i] ^ y[i];
  }
  return diff === 0;
};

function getRandomValues(array) {
  if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array
      || array instanceof DataView) {
    const error = new TypeError("The data argument must be an integer-type TypedArray");
    error.name = 'TypeMismatchError';
    error.code = 17;
    throw error;
  }
  if (array.byteLength > 65536) {
    const error = new Error(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`);
    error.name = 'QuotaExceededError';
    error.code = 22;
    throw error;
  }
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(new Uint8Array(backing.randomBytes(array.byteLength)));
  return array;
}
exports.getRandomValues = getRandomValues;

const subtleDigests = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const subtle = {
  digest(algorithm, data) {
    return new Promise((resolve, reject) => {
      const name = typeof algorithm === 'string' ? algorithm : algorithm && algorithm.name;
      const ours = subtleDigests[String(name).toUpperCase()];
      if (!ours) {
        const error = new Error('Unrecognized algorithm name');
        error.name = 'NotSupportedError';
        reject(error);
        return;
      }
      const bytes = bytesOf(data);
      const out = new Uint8Array(backing.digest(ours, bytes.buffer, bytes.byteOffset, bytes.byteLength));
      resolve(out.slice().buffer);
    });
  },
};
for (const name of ['encrypt', 'decrypt', 'sign', 'verify', 'generateKey', 'deriveKey', 'deriveBits', 'importKey',
  'exportKey', 'wrapKey', 'unwrapKey']) {
  subtle[name] = () => Promise.reject(Object.assign(new Error(`crypto.subtle.${name} is not available in `
      + "lambda-bridge's in-process JavaScript (only digest)"), { name: 'NotSupportedError' }));
}
class Crypto {
  get subtle() {
    return subtle;
  }
  getRandomValues(array) {
    return getRandomValues(array);
  }
  randomUUID() {
    return backing.randomUUID();
  }
}
exports.webcrypto = new Crypto();
exports.subtle = subtle;
exports.Crypto = Crypto;
exports.constants = {};

function refuse(name) {
  return function () {
    const error = new Error(`crypto.${name}() is not available in lambda-bridge's in-process JavaScript (hashes, `
        + 'HMACs and random values are; ciphers, signatures, keys and key derivation are not)');
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  };
}
for (const name of ['createCipheriv', 'createDecipheriv', 'createSign', 'createVerify', 'createPrivateKey',
  'createPublicKey', 'createSecretKey', 'generateKeyPair', 'generateKeyPairSync', 'generateKey', 'generateKeySync',
  'pbkdf2', 'pbkdf2Sync', 'scrypt', 'scryptSync', 'hkdf', 'hkdfSync', 'publicEncrypt', 'privateDecrypt',
  'privateEncrypt', 'publicDecrypt', 'sign', 'verify', 'createDiffieHellman', 'createECDH', 'diffieHellman',
  'generatePrime', 'generatePrimeSync', 'checkPrime', 'checkPrimeSync']) {
  exports[name] = refuse(name);
}
