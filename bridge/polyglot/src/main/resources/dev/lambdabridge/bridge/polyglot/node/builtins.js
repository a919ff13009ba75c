// lambda-bridge: the registry of Node.js's built-in modules for the js: bridge. Evaluates to a function
// (host) => requireBuiltin: requireBuiltin('crypto') or ('node:crypto') gives the module's exports, loaded on first
// use, once per context. Each built-in is lib/NAME.js (Java-backed through `host`, which no user code sees, or
// built on an npm package bundled into lib/vendor at build time); `host` reaches only the built-ins' own code.
(function (host) {
  'use strict';

  // Node 22's require('module').builtinModules
  const builtinModules = [
    '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing', '_http_server',
    '_stream_duplex', '_stream_passthrough', '_stream_readable', '_stream_transform', '_stream_wrap',
    '_stream_writable', '_tls_common', '_tls_wrap', 'assert', 'assert/strict', 'async_hooks', 'buffer',
    'child_process', 'cluster', 'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns',
    'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector',
    'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process',
    'punycode', 'querystring', 'readline', 'readline/promises', 'repl', 'stream', 'stream/consumers',
    'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers', 'timers/promises', 'tls',
    'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
  ];
  // the names only `node:` reaches, as in Node 22
  const prefixOnly = ['sea', 'sqlite', 'test', 'test/reporters'];
  const known = new Set(builtinModules);

  // public name -> the lib file that provides it (same name when absent)
  const files = {
    sys: 'util',
    'inspector/promises': 'refused', 'readline/promises': 'refused', 'path/posix': 'path',
  };
  // built-ins that lambda-bridge does not provide: require() gives an object whose functions say why
  const refused = new Set(['_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing',
    '_http_server', '_stream_wrap', '_tls_common', '_tls_wrap', 'cluster', 'dgram', 'domain', 'inspector',
    'inspector/promises', 'readline', 'readline/promises', 'repl', 'stream/web', 'trace_events', 'v8', 'vm',
    'wasi']);

  const cache = new Map();
  const extensions = new Map();

  function unknown(name) {
    const error = new Error('No such built-in module: ' + name);
    error.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    return error;
  }

  function canonical(name) {
    if (typeof name !== 'string') {
      return null;
    }
    if (name.startsWith('node:')) {
      const bare = name.slice(5);
      return known.has(bare) || prefixOnly.includes(bare) ? bare : null;
    }
    return known.has(name) ? name : null;
  }

  // runs lib/FILE.js once: (exports, require, module, host)
  function load(file, as) {
    const key = file === 'refused' ? 'refused:' + as : file;
    if (cache.has(key)) {
      return cache.get(key).exports;
    }
    const factory = host.load.lib(file);
    if (factory === null) {
      throw new Error('lambda-bridge: the built-in ' + file + ' is missing from the bridge-polyglot jar');
    }
    const module = { exports: {}, id: as || file, loaded: false };
    cache.set(key, module);
    try {
      factory.call(module.exports, module.exports, internalRequire, module, host);
    } catch (e) {
      cache.delete(key);
      throw e;
    }
    module.loaded = true;
    const extra = extensions.get(as || file);
    if (extra) {
      Object.assign(module.exports, extra);
    }
    return module.exports;
  }

  // what the built-ins' own code requires: any built-in, and the internal files (internal/*, vendor/*)
  function internalRequire(name) {
    if (name === 'internal/names') {
      return { builtinModules: builtinModules.slice(), isBuiltin: requireBuiltin.isBuiltin };
    }
    if (name.startsWith('internal/') || name.startsWith('vendor/')) {
      return load(name);
    }
    return requireBuiltin(name);
  }

  function requireBuiltin(name) {
    const bare = canonical(name);
    if (bare === null) {
      if (typeof name === 'string' && name.startsWith('node:')) {
        throw unknown(name);
      }
      const error = new Error("Cannot find module '" + name + "'");
      error.code = 'MODULE_NOT_FOUND';
      throw error;
    }
    if (prefixOnly.includes(bare)) {
      return load('refused', bare);
    }
    if (refused.has(bare)) {
      return load('refused', bare);
    }
    return load(files[bare] || bare, bare);
  }

  requireBuiltin.isBuiltin = name => canonical(name) !== null;
  // the built-ins' internal files, for globals.js (not enumerable: the loader hands out requireBuiltin's results only)
  Object.defineProperty(requireBuiltin, 'internal', { value: internalRequire, enumerable: false });
  requireBuiltin.builtinModules = builtinModules.slice();
  // adds members to a built-in's exports (the loader's createRequire etc. on 'module'), now or when it loads
  requireBuiltin.extend = (name, members) => {
    const bare = canonical(name);
    extensions.set(bare, Object.assign(extensions.get(bare) || {}, members));
    const file = files[bare] || bare;
    if (cache.has(file)) {
      Object.assign(cache.get(file).exports, members);
    }
  };
  return requireBuiltin;
})
