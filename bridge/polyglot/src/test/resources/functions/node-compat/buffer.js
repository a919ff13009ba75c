// node:buffer: creation, encodings, reads and writes, comparisons
exports.handler = async () => {
  const b = Buffer.alloc(10);
  b.writeUInt32BE(0xdeadbeef, 0);
  b.writeInt16LE(-2, 4);
  b.writeUInt8(255, 6);
  b.writeDoubleLE ? b.writeFloatBE(1.5, 6) : 0;
  const text = 'héllo wörld €';
  const encodings = ['utf8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'ucs2', 'utf16le'];
  return {
    bytes: Array.from(b),
    reads: [b.readUInt32BE(0), b.readInt16LE(4), b.readUInt16BE(0), b.readInt8(4), b.readFloatBE(6)],
    encoded: encodings.map(e => Buffer.from(text).toString(e)),
    decoded: encodings.filter(e => e !== 'binary' && e !== 'ascii').map(e => Buffer.from(Buffer.from('abc123').toString(e), e).toString()),
    lengths: [Buffer.byteLength(text), Buffer.byteLength('aGk', 'base64'), Buffer.byteLength('abcd', 'hex'), text.length],
    ops: [Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3).toString(), Buffer.from('abc').equals(Buffer.from('abc')),
      Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('hello').indexOf('l'), Buffer.from('hello').includes('ell'),
      Buffer.from('hello').lastIndexOf('l'), Buffer.from('hello').subarray(1, 3).toString(), Buffer.from('hello').slice(-2).toString(),
      Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isEncoding('base64url'), Buffer.isEncoding('nope'),
      Buffer.from([1, 2, 3]).toJSON(), Buffer.alloc(4, 'ab').toString(), Buffer.from('abcd').swap16().toString(),
      Buffer.from('xyz').fill('q', 1).toString(), Buffer.from(new Uint16Array([1, 256]).buffer).length, Buffer.alloc(3) instanceof Uint8Array],
    copy: (() => { const t = Buffer.alloc(5, 0); Buffer.from('abc').copy(t, 1); return Array.from(t); })(),
    json: JSON.stringify(Buffer.from('hi')),
    bigint: (() => { const x = Buffer.alloc(8); x.writeBigUInt64BE(2n ** 63n); return [x.readBigUInt64BE().toString(), x.toString('hex')]; })(),
    inspect: require('util').inspect(Buffer.from('inspect me')),
  };
};
