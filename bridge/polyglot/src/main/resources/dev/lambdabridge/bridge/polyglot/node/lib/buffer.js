// buffer: the npm package `buffer` (feross/buffer, bundled as vendor/buffer), with what Node 22 has beyond it:
// the base64url and latin1 encodings, atob/btoa, and UTF-8 through GraalJS's TextEncoder/TextDecoder (its Java
// implementation is faster than the package's JavaScript loops).
'use strict';
const vendor = require('vendor/buffer');
const { Buffer } = vendor;
module.exports = vendor;

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

function toBase64url(base64) {
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64url(text) {
  return String(text).replace(/-/g, '+').replace(/_/g, '/');
}

const originalToString = Buffer.prototype.toString;
Buffer.prototype.toString = function toString(encoding, start, end) {
  if (arguments.length === 0 || encoding === undefined || encoding === 'utf8' || encoding === 'utf-8') {
    start = start === undefined ? 0 : Math.max(0, start | 0);
    end = end === undefined ? this.length : Math.min(this.length, end | 0);
    if (end <= start) {
      return '';
    }
    return utf8Decoder.decode(start === 0 && end === this.length ? this : this.subarray(start, end));
  }
  if (typeof encoding === 'string' && encoding.toLowerCase() === 'base64url') {
    return toBase64url(originalToString.call(this, 'base64', start, end));
  }
  return originalToString.call(this, encoding, start, end);
};
Buffer.prototype.toLocaleString = Buffer.prototype.toString;

const originalFrom = Buffer.from;
Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') {
    if (encodingOrOffset === undefined || encodingOrOffset === 'utf8' || encodingOrOffset === 'utf-8') {
      const bytes = utf8Encoder.encode(value);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    if (typeof encodingOrOffset === 'string' && encodingOrOffset.toLowerCase() === 'base64url') {
      return originalFrom.call(Buffer, fromBase64url(value), 'base64');
    }
  }
  return originalFrom.call(Buffer, value, encodingOrOffset, length);
};
const originalByteLength = Buffer.byteLength;
Buffer.byteLength = function byteLength(value, encoding) {
  if (typeof value === 'string' && typeof encoding === 'string' && encoding.toLowerCase() === 'base64url') {
    return originalByteLength.call(Buffer, fromBase64url(value), 'base64');
  }
  return originalByteLength.call(Buffer, value, encoding);
};
const originalIsEncoding = Buffer.isEncoding;
Buffer.isEncoding = encoding => originalIsEncoding(encoding)
    || (typeof encoding === 'string' && encoding.toLowerCase() === 'base64url');
const originalWrite = Buffer.prototype.write;
Buffer.prototype.write = function write(string, offset, length, encoding) {
  if ([offset, length, encoding].some(a => typeof a === 'string' && a.toLowerCase() === 'base64url')) {
    const args = [offset, length, encoding].map(a => typeof a === 'string' && a.toLowerCase() === 'base64url'
        ? 'base64' : a);
    return originalWrite.call(this, fromBase64url(string), ...args);
  }
  return originalWrite.apply(this, arguments);
};

// the host's bytes (an ArrayBuffer over Java memory) as a Buffer, without a copy
Buffer._fromHost = function fromHost(byteBuffer) {
  const bytes = new Uint8Array(byteBuffer);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

vendor.atob = function atob(data) {
  if (arguments.length === 0) {
    throw new TypeError('The "data" argument must be specified');
  }
  const text = String(data).replace(/[\t\n\f\r ]/g, '');
  if (text.length % 4 === 1 || /[^A-Za-z0-9+/=]/.test(text) || /=[^=]/.test(text)) {
    const error = new Error('Invalid character');
    error.name = 'InvalidCharacterError';
    error.code = 5;
    throw error;
  }
  return originalToString.call(originalFrom.call(Buffer, text, 'base64'), 'latin1');
};
vendor.btoa = function btoa(data) {
  if (arguments.length === 0) {
    throw new TypeError('The "data" argument must be specified');
  }
  const text = String(data);
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 255) {
      const error = new Error('Invalid character');
      error.name = 'InvalidCharacterError';
      error.code = 5;
      throw error;
    }
  }
  return originalFrom.call(Buffer, text, 'latin1').toString('base64');
};
vendor.isUtf8 = function isUtf8(input) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(input);
    return true;
  } catch (e) {
    return false;
  }
};
vendor.isAscii = input => new Uint8Array(input.buffer || input, input.byteOffset || 0, input.byteLength).every(b => b < 128);
vendor.constants = { MAX_LENGTH: vendor.kMaxLength, MAX_STRING_LENGTH: 2 ** 29 - 24 };
