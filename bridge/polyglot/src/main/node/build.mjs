// Bundles the npm packages behind some of the js: bridge's Node.js built-ins, one file per package, into
// <out>/<name>.js (CommonJS, ES2022). What another built-in provides stays a require() of that built-in (buffer,
// events, process, stream, util, ...), so that a context has one Buffer and one EventEmitter whatever uses them.
// usage: node build.mjs OUT_DIR   (in the directory where npm ci installed package-lock.json; build.sh runs it)
import * as esbuild from 'esbuild';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs OUT_DIR');
  process.exit(2);
}

// bare names that are the bridge's own built-ins at run time (the trailing-slash forms are how browser
// polyfills ask for the npm package of the same name); the value is the built-in's name
const builtins = {
  buffer: 'buffer', events: 'events', process: 'process', 'process/': 'process', stream: 'stream',
  string_decoder: 'string_decoder', 'string_decoder/': 'string_decoder', util: 'util', http: 'http',
  https: 'https', zlib: 'zlib', url: 'url', 'whatwg-url': 'internal/whatwg-url', punycode: 'punycode',
  'punycode/': 'punycode', encoding: 'encoding',
};

// package -> [entry, built-ins it must bundle instead of requiring, because it IS that built-in]
const bundles = {
  buffer: ['buffer/index.js', ['buffer']],
  events: ['events/events.js', ['events']],
  'readable-stream': ['readable-stream/lib/ours/index.js', ['stream']],
  string_decoder: ['string_decoder/lib/string_decoder.js', ['string_decoder']],
  path: ['path-browserify/index.js', []],
  inspect: ['node-inspect-extracted/dist/inspect.js', []],
  assert: ['assert/build/assert.js', ['util', 'util/']],
  querystring: ['querystring-es3/index.js', []],
  url: ['url/url.js', ['punycode/']],
  'whatwg-url': ['whatwg-url/index.js', ['punycode', 'punycode/']],
  punycode: ['punycode/punycode.js', []],
  'node-fetch': ['node-fetch/lib/index.js', []],
};

function externals(own) {
  return {
    name: 'builtins',
    setup(build) {
      build.onResolve({ filter: /^[a-z_/-]+$/ }, args => {
        if (args.kind === 'entry-point' || !(args.path in builtins)) {
          return undefined;
        }
        if (own.includes(args.path)) {
          // readable-stream asks for Node's own 'stream' only to honour READABLE_STREAM=disable: give it nothing
          return args.path === 'stream' ? { path: 'empty', namespace: 'empty' } : undefined;
        }
        return { path: builtins[args.path], external: true };
      });
      build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {}', loader: 'js' }));
      // JSON data (tr46's 140 KB mapping table) as a JSON.parse of a string, not an object literal: GraalJS's
      // JSON.parse is Java, a literal that size is parsed and run as JavaScript
      build.onLoad({ filter: /\.json$/ }, async args => ({
        contents: 'module.exports = JSON.parse(' + JSON.stringify(await readFile(args.path, 'utf8')) + ');',
        loader: 'js',
      }));
    },
  };
}

for (const [name, [entry, own]] of Object.entries(bundles)) {
  await esbuild.build({
    entryPoints: [path.join(process.cwd(), 'node_modules', entry)],
    outfile: path.join(out, name + '.js'),
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['main'],
    target: 'es2022',
    legalComments: 'eof',
    logLevel: 'warning',
    plugins: [externals(own)],
  });
}
