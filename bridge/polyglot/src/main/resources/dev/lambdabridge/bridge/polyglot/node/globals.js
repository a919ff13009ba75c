// lambda-bridge: Node.js's globals for the js: bridge. Evaluates to (requireBuiltin, host) => void, run once per
// context after builtins.js. What costs to build is a getter that loads it on first use (and then becomes a plain
// property), so a handler pays only for what it touches. GraalJS's own TextEncoder/TextDecoder, performance.now
// and Error.captureStackTrace come from context options (node/NodeContextOptions.java); timers and queueMicrotask
// from bridge.js.
(function (requireBuiltin, host) {
  'use strict';
  const internal = name => requireBuiltin.internal(name);

  function lazy(name, make) {
    Object.defineProperty(globalThis, name, {
      get() {
        const value = make();
        Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
        return value;
      },
      set(value) {
        Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
      },
      configurable: true,
      enumerable: false,
    });
  }

  if (typeof globalThis.global === 'undefined') {
    Object.defineProperty(globalThis, 'global', { value: globalThis, writable: true, configurable: true });
  }
  requireBuiltin('process');
  lazy('Buffer', () => requireBuiltin('buffer').Buffer);
  lazy('atob', () => requireBuiltin('buffer').atob);
  lazy('btoa', () => requireBuiltin('buffer').btoa);
  lazy('URL', () => requireBuiltin('url').URL);
  lazy('URLSearchParams', () => requireBuiltin('url').URLSearchParams);
  lazy('structuredClone', () => internal('internal/structured-clone'));
  for (const name of ['Event', 'CustomEvent', 'EventTarget', 'AbortController', 'AbortSignal']) {
    lazy(name, () => internal('internal/event-target')[name]);
  }
  lazy('performance', () => requireBuiltin('perf_hooks').performance);
  lazy('crypto', () => requireBuiltin('crypto').webcrypto);
  lazy('Crypto', () => requireBuiltin('crypto').Crypto);
  // fetch itself loads its implementation (node-fetch, http, streams, whatwg-url) on its first call, not when a
  // package merely checks that it exists
  Object.defineProperty(globalThis, 'fetch', {
    value: function fetch(input, init) {
      return internal('internal/fetch').fetch(input, init);
    },
    writable: true, configurable: true, enumerable: false,
  });
  for (const name of ['Headers', 'Request', 'Response']) {
    lazy(name, () => internal('internal/fetch')[name]);
  }
  lazy('DOMException', () => {
    const { domException } = internal('internal/event-target');
    return class DOMException extends Error {
      constructor(message = '', name = 'Error') {
        super(message);
        Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true });
        this.code = domException('', name).code;
      }
    };
  });
})
