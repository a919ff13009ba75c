// node:stream and node:zlib: Readable, Writable, Transform, PassThrough, pipeline, finished, object mode; zlib round trips
const { Readable, Writable, Transform, PassThrough, Duplex, pipeline, finished } = require('node:stream');
const { pipeline: pipelineAsync } = require('node:stream/promises');
const zlib = require('node:zlib');
const { promisify } = require('node:util');
exports.handler = async () => {
  const out = {};
  const collected = [];
  await pipelineAsync(Readable.from(['a', 'b', 'c']), new Transform({
    transform(chunk, encoding, callback) {
      callback(null, chunk.toString().toUpperCase() + '-');
    },
  }), new Writable({
    write(chunk, encoding, callback) {
      collected.push(chunk.toString());
      callback();
    },
  }));
  out.pipeline = collected;
  const objects = [];
  await new Promise((resolve, reject) => {
    const source = new Readable({ objectMode: true, read() {} });
    source.push({ n: 1 });
    source.push({ n: 2 });
    source.push(null);
    source.on('data', o => objects.push(o)).on('end', resolve).on('error', reject);
  });
  out.objectMode = objects;
  const pass = new PassThrough();
  const passed = [];
  pass.on('data', c => passed.push(c.toString()));
  pass.write('x');
  pass.end('y');
  await new Promise(r => finished(pass, r));
  out.passThrough = passed;
  out.errorInPipeline = await new Promise(resolve => pipeline(Readable.from(['1']), new Transform({
    transform(c, e, cb) {
      cb(new Error('transform failed'));
    },
  }), new PassThrough(), err => resolve(err && err.message)));
  out.asyncIteration = [];
  for await (const chunk of Readable.from([Buffer.from('p'), Buffer.from('q')])) {
    out.asyncIteration.push(chunk.toString());
  }
  out.duplex = typeof Duplex.from;
  const text = 'zlib text '.repeat(50);
  out.zlibSync = [zlib.gunzipSync(zlib.gzipSync(text)).toString() === text, zlib.inflateSync(zlib.deflateSync(text)).toString() === text,
    zlib.inflateRawSync(zlib.deflateRawSync(text)).toString() === text, zlib.unzipSync(zlib.gzipSync('u')).toString(),
    zlib.gzipSync(text).length < text.length, zlib.gzipSync('a').subarray(0, 3).toString('hex')];
  out.zlibCallback = await new Promise(r => zlib.deflate('cb', (err, buf) => zlib.inflate(buf, (e2, back) => r([err, e2, back.toString()]))));
  out.zlibPromisified = (await promisify(zlib.gunzip)(await promisify(zlib.gzip)('promised'))).toString();
  const streamed = [];
  await pipelineAsync(Readable.from([Buffer.from('one '), Buffer.from('two')]), zlib.createGzip(), zlib.createGunzip(),
    new Writable({ write(c, e, cb) { streamed.push(c); cb(); } }));
  out.zlibStreams = Buffer.concat(streamed).toString();
  for (const [name, input] of [['gunzipSync', 'not gzip at all'], ['inflateSync', 'not deflate']]) {
    try {
      zlib[name](Buffer.from(input));
    } catch (e) {
      out[name + 'Error'] = [e.code, e.errno, e.message];
    }
  }
  out.constants = [zlib.constants.Z_BEST_COMPRESSION, zlib.constants.Z_SYNC_FLUSH];
  return out;
};
