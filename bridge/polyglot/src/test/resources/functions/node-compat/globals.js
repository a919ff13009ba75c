// Node's globals: what exists, and what the common ones give
exports.handler = async () => {
  const names = ['Buffer', 'process', 'global', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'atob', 'btoa',
    'structuredClone', 'AbortController', 'AbortSignal', 'EventTarget', 'Event', 'performance', 'queueMicrotask',
    'crypto', 'fetch', 'Headers', 'Request', 'Response', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout',
    'clearInterval', 'clearImmediate', 'console'];
  const types = Object.fromEntries(names.map(n => [n, typeof globalThis[n]]));
  const stackHolder = {};
  Error.captureStackTrace(stackHolder);
  const cloned = structuredClone({ d: new Date(0), m: new Map([['k', [1, 2]]]), s: new Set(['x']), r: /a+/gi,
    u: new Uint8Array([1, 2]), nested: { deep: [null, true, 1.5, 'str'] } });
  let cloneError;
  try {
    structuredClone({ f() {} });
  } catch (e) {
    cloneError = e.name;
  }
  const timeoutSignal = AbortSignal.timeout(1000);
  const controller = new AbortController();
  const any = AbortSignal.any([controller.signal, timeoutSignal]);
  const events = [];
  any.addEventListener('abort', () => events.push('any aborted: ' + String(any.reason)));
  controller.abort('because');
  const target = new EventTarget();
  target.addEventListener('ping', e => events.push(e.type + ':' + (e instanceof Event)), { once: true });
  target.dispatchEvent(new Event('ping'));
  target.dispatchEvent(new Event('ping'));
  const u = new URL('https://user:pass@example.com:8443/a/b/../c?x=1&x=2&y=%20#frag');
  return {
    types,
    globalIsGlobalThis: global === globalThis,
    captureStackTrace: typeof stackHolder.stack,
    cloned: [cloned.d.toISOString(), [...cloned.m], [...cloned.s], String(cloned.r), Array.from(cloned.u), cloned.nested],
    cloneError,
    abort: [controller.signal.aborted, controller.signal.reason, any.aborted, timeoutSignal.aborted, events],
    url: [u.href, u.origin, u.host, u.pathname, u.search, u.hash, u.searchParams.getAll('x'), u.searchParams.get('y'),
      u.username, String(new URLSearchParams([['a', 'b c'], ['d', 'é']])), u.toJSON()],
    text: [Array.from(new TextEncoder().encode('héllo €')), new TextDecoder().decode(new Uint8Array([0xe2, 0x82, 0xac]))],
    base64: [btoa('hello'), atob('aGVsbG8='), btoa(String.fromCharCode(255, 0, 128))],
    performance: [typeof performance.now(), performance.now() >= 0, typeof performance.timeOrigin],
    webcrypto: [typeof crypto.randomUUID(), crypto.getRandomValues(new Uint8Array(4)).length, typeof crypto.subtle.digest],
    microtask: await new Promise(resolve => queueMicrotask(() => resolve('ran'))),
  };
};
