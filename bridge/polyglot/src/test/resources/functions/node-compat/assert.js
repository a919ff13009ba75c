// node:assert and node:assert/strict: passing checks, and the failures' names, codes and first lines
const assert = require('node:assert');
const strict = require('node:assert/strict');
exports.handler = async () => {
  const failures = {};
  const cases = {
    strictEqual: () => assert.strictEqual(1, 2),
    deepStrictEqual: () => assert.deepStrictEqual({ a: [1, 2] }, { a: [1, 3] }),
    ok: () => assert.ok(0, 'not ok'),
    equal: () => assert.equal(1, 2),
    notStrictEqual: () => assert.notStrictEqual(1, 1),
    throws: () => assert.throws(() => {}),
    match: () => assert.match('abc', /x/),
    strictModeEqual: () => strict.equal(1, '1'),
    withMessage: () => assert.strictEqual(1, 2, 'custom message'),
    fail: () => assert.fail('failed on purpose'),
  };
  for (const [name, run] of Object.entries(cases)) {
    try {
      run();
      failures[name] = 'passed';
    } catch (e) {
      failures[name] = [e.name, e.code, e.message.split('\n')[0], e.actual === undefined ? 'no actual' : e.actual, e.operator];
    }
  }
  assert.deepStrictEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]]));
  assert.throws(() => { throw new TypeError('typed'); }, TypeError);
  assert.throws(() => { throw new Error('matched'); }, /match/);
  await assert.rejects(Promise.reject(new Error('r')), { message: 'r' });
  await assert.doesNotReject(Promise.resolve(1));
  strict.deepEqual({ a: 1 }, { a: 1 });
  return { failures, strictIsStrict: strict.strict === strict, AssertionError: typeof assert.AssertionError };
};
