// node:util: format and inspect as Node 22 prints the common values, promisify, callbackify, inherits, types
// (not compared: symbol keys and a promise's state, which lambda-bridge's inspect prints differently, see the README)
const util = require('node:util');
exports.handler = async () => {
  class Point { constructor() { this.x = 1; this.y = { z: [1, 2, [3, [4, [5]]]] }; } }
  const circular = { name: 'c' };
  circular.self = circular;
  const values = [1, -0, 1.5, 10n, 'str', "it's", Symbol('s'), null, undefined, true, [1, 'a', null],
    { a: 1, 'b-c': 2 }, new Point(), circular, new Map([['a', 1], [{}, []]]), new Set([1, 'x']),
    new Date(86400000), /re/gi, new Error('boom').message, function named() {}, () => {}, class K {}, async function af() {},
    Buffer.from('buf'), new Uint8Array([1, 2, 3]), new ArrayBuffer(3), [undefined, , 3],
    Array.from({ length: 30 }, (_, i) => i), { long: 'x'.repeat(100) }, Object.create(null), new WeakMap(),
    [new Array(3)], { f: 1.0, n: NaN, i: -Infinity }, 'multi\nline', ['nested', { deeply: { nested: { object: { here: 1 } } } }]];
  const inspected = values.map(v => util.inspect(v));
  const formats = [util.format('%s %d %i %f %j %o %O %%', 'str', 42.5, 42.5, '1.5', { a: 1 }, [1], { b: 2 }),
    util.format('%s', { a: { b: { c: 1 } } }), util.format('no args'), util.format('a', 'b', 1, { c: 2 }),
    util.format('%d', '0x10'), util.format('%s:%s', 'only one'), util.format(1, 2), util.format('%c', 'css')];
  const promisified = await util.promisify((a, b, cb) => cb(null, a + b))(2, 3);
  const rejected = await util.promisify(cb => cb(new Error('nope')))().catch(e => e.message);
  const callbacked = await new Promise(r => util.callbackify(async x => x * 2)(21, (err, v) => r([err, v])));
  function Animal() {}
  Animal.prototype.speak = () => 'speaks';
  function Dog() {}
  util.inherits(Dog, Animal);
  const t = util.types;
  return {
    inspected, formats, promisified, rejected, callbacked,
    inherits: [new Dog().speak(), Dog.super_ === Animal],
    types: [t.isDate(new Date()), t.isRegExp(/x/), t.isPromise(Promise.resolve()), t.isMap(new Map()), t.isSet(new Set()),
      t.isTypedArray(new Uint8Array()), t.isUint8Array(Buffer.alloc(1)), t.isArrayBuffer(new ArrayBuffer(1)),
      t.isAsyncFunction(async () => {}), t.isGeneratorFunction(function* g() {}), t.isNativeError(new TypeError()),
      t.isDate({}), t.isBoxedPrimitive(Object(1))],
    deep: [util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual([1], ['1']),
      util.isDeepStrictEqual(new Map([[1, 2]]), new Map([[1, 2]]))],
    inspectOptions: [util.inspect({ a: { b: { c: { d: 1 } } } }, { depth: 0 }), util.inspect('x', { colors: false }),
      util.inspect({ a: 1, b: 2 }, { compact: false }), util.inspect([1, 2, 3], { breakLength: 3 })],
    textCoding: [typeof util.TextEncoder, typeof util.TextDecoder],
    deprecate: util.deprecate(() => 'still works', 'old')(),
  };
};
