// path, url, querystring, string_decoder, os, events, module names, and missing built-ins
const path = require('node:path');
const url = require('url');
const qs = require('querystring');
const { StringDecoder } = require('string_decoder');
const os = require('os');
const EventEmitter = require('events');
const { once, on } = require('events');
const { builtinModules, isBuiltin } = require('module');
exports.handler = async () => {
  const emitter = new EventEmitter();
  const seen = [];
  emitter.on('e', (...a) => seen.push(['on', ...a]));
  emitter.prependListener('e', () => seen.push(['prepended']));
  emitter.once('e', () => seen.push(['once']));
  emitter.emit('e', 1, 2);
  emitter.emit('e', 3);
  let unhandled;
  try {
    emitter.emit('error', new Error('no listener'));
  } catch (e) {
    unhandled = e.message;
  }
  setTimeout(() => emitter.emit('ready', 'value'), 1);
  const [ready] = await once(emitter, 'ready');
  const iterated = [];
  setTimeout(() => { emitter.emit('tick', 1); emitter.emit('tick', 2); emitter.emit('tick', 3); }, 1);
  for await (const [n] of on(emitter, 'tick')) {
    iterated.push(n);
    if (n === 3) break;
  }
  const decoder = new StringDecoder('utf8');
  const euro = Buffer.from('€');
  const required = {};
  for (const name of ['node:nope', 'nope-not-installed', 'node:fs/promises', 'stream/promises', 'util/types', 'path/posix', 'timers/promises']) {
    try {
      const m = require(name);
      required[name] = typeof m;
    } catch (e) {
      required[name] = [e.code, e.message.split('\n')[0]];
    }
  }
  return {
    path: [path.join('/a/b', '../c', './d.txt'), path.resolve('/x', 'y', '..', 'z'), path.normalize('/a//b/../c/.'),
      path.relative('/a/b/c', '/a/d'), path.dirname('/a/b/c.txt'), path.basename('/a/b/c.txt', '.txt'),
      path.extname('archive.tar.gz'), path.parse('/home/u/file.txt'), path.format({ dir: '/x', base: 'y.z' }),
      path.isAbsolute('a/b'), path.sep, path.delimiter, path.posix === path],
    url: [url.parse('http://user:pw@host.com:8080/p/a/t/h?query=string#hash'), url.format({ protocol: 'https', host: 'a.com', pathname: '/x', query: { q: '1 2' } }),
      url.resolve('http://a.com/b/c/d', '../e'), url.fileURLToPath('file:///var/task/a%20b.js'),
      url.pathToFileURL('/var/task/a b#c.js').href, url.format(new URL('https://a.com/p?q=1#h'), { fragment: false })],
    qs: [qs.stringify({ a: [1, 2], b: 'x y', c: '', d: null, e: undefined }), qs.parse('a=1&a=2&b=%20x&c'),
      qs.escape('a b&c'), qs.unescape('a%20b'), qs.stringify({ x: 1 }, ';', ':'), qs.parse('x:1;y:2', ';', ':')],
    decoder: [decoder.write(euro.subarray(0, 1)), decoder.write(euro.subarray(1)), decoder.end(),
      new StringDecoder('hex').write(Buffer.from('hi')), new StringDecoder('base64').write(Buffer.from('hello'))],
    os: [os.EOL, os.platform(), os.type(), os.endianness(), os.tmpdir(), typeof os.totalmem(), typeof os.hostname(),
      Array.isArray(os.cpus()), typeof os.release(), os.homedir() === process.env.HOME || typeof os.homedir()],
    events: [seen, unhandled, ready, iterated, emitter.listenerCount('e'), EventEmitter.defaultMaxListeners,
      typeof EventEmitter.errorMonitor],
    builtins: ['fs', 'crypto', 'node:path', 'worker_threads', 'nope', 'node:nope'].map(n => isBuiltin(n)),
    builtinModules: ['assert', 'buffer', 'crypto', 'events', 'fs', 'http', 'https', 'os', 'path', 'stream', 'url', 'util', 'zlib'].every(n => builtinModules.includes(n)),
    required,
    smallOnes: [require('worker_threads').isMainThread, require('tty').isatty(1), typeof require('perf_hooks').performance.now(),
      typeof require('async_hooks').AsyncLocalStorage, require('timers').setTimeout === setTimeout, typeof require('process').nextTick,
      require('buffer').Buffer === Buffer, typeof require('net').isIP, require('net').isIP('10.0.0.1'), require('net').isIPv6('::1')],
  };
};
