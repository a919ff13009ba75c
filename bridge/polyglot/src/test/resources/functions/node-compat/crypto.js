// node:crypto: hashes, HMACs, encodings, random values, timingSafeEqual, webcrypto digest, errors
const crypto = require('node:crypto');
exports.handler = async () => {
  const out = {};
  for (const algorithm of ['md5', 'sha1', 'sha256', 'sha384', 'sha512']) {
    out[algorithm] = ['hex', 'base64', 'base64url', 'latin1'].map(e => crypto.createHash(algorithm).update('The quick brown fox').digest(e));
    out[algorithm + 'Buffer'] = Array.from(crypto.createHash(algorithm).update(Buffer.from([0, 1, 2, 255])).digest().subarray(0, 6));
  }
  out.chained = crypto.createHash('sha256').update('a').update(Buffer.from('b')).update(new Uint8Array([99])).digest('hex');
  out.encodings = crypto.createHash('sha1').update('68656c6c6f', 'hex').digest('hex');
  out.hmac = ['sha1', 'sha256', 'sha512'].map(a => crypto.createHmac(a, 'secret key').update('message').digest('hex'));
  out.hmacBufferKey = crypto.createHmac('sha256', Buffer.from([1, 2, 3])).update('x').digest('base64');
  out.hashFn = crypto.hash ? crypto.hash('sha1', 'abc') : 'none';
  out.uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID());
  out.randomBytes = [crypto.randomBytes(0).length, crypto.randomBytes(33).length, Buffer.isBuffer(crypto.randomBytes(1))];
  out.randomBytesCallback = await new Promise(r => crypto.randomBytes(5, (err, b) => r([err, b.length])));
  const n = crypto.randomInt(10, 20);
  out.randomInt = n >= 10 && n < 20;
  out.getRandomValues = crypto.getRandomValues(new Uint32Array(3)).length;
  out.timingSafeEqual = [crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')),
    crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd'))];
  try {
    crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab'));
  } catch (e) {
    out.timingSafeEqualError = [e.name, e.code, e.message];
  }
  try {
    crypto.createHash('nope');
  } catch (e) {
    out.unknownHash = [e.name, e.message];
  }
  out.subtle = await Promise.all(['SHA-1', 'SHA-256', 'SHA-512'].map(async a =>
    Buffer.from(await crypto.webcrypto.subtle.digest(a, new TextEncoder().encode('digest me'))).toString('hex')));
  out.getHashes = ['md5', 'sha1', 'sha256', 'sha512'].every(h => crypto.getHashes().includes(h));
  return out;
};
