// async_hooks: AsyncLocalStorage and AsyncResource on GraalJS's AsyncContext (the TC39 proposal, js.async-context):
// a store follows promise continuations, and bridge.js's loop runs timers, immediates and nextTick callbacks
// in the context they were scheduled in. createHook is refused: GraalJS has no async resource hooks.
'use strict';
const { Variable, Snapshot } = globalThis.AsyncContext;

class AsyncLocalStorage {
  constructor() {
    this._variable = new Variable({ name: 'AsyncLocalStorage' });
    this._entered = undefined;
    this._enabled = true;
  }
  getStore() {
    if (!this._enabled) {
      return undefined;
    }
    const value = this._variable.get();
    return value === undefined ? this._entered : value.store;
  }
  run(store, callback, ...args) {
    this._enabled = true;
    return this._variable.run({ store }, callback, ...args);
  }
  exit(callback, ...args) {
    return this._variable.run(undefined, () => {
      const entered = this._entered;
      this._entered = undefined;
      try {
        return callback(...args);
      } finally {
        this._entered = entered;
      }
    });
  }
  // AsyncContext cannot change the current context in place: enterWith sets the store seen where no run() is
  // in effect, which is what a handler's top-level enterWith needs
  enterWith(store) {
    this._enabled = true;
    this._entered = store;
  }
  disable() {
    this._enabled = false;
    this._entered = undefined;
  }
  static bind(fn) {
    return Snapshot.wrap(fn);
  }
  static snapshot() {
    const snapshot = new Snapshot();
    return (fn, ...args) => snapshot.run(fn, ...args);
  }
}

class AsyncResource {
  constructor(type) {
    this.type = type;
    this._snapshot = new Snapshot();
  }
  runInAsyncScope(fn, thisArg, ...args) {
    return this._snapshot.run(() => fn.apply(thisArg, args));
  }
  bind(fn) {
    return (...args) => this.runInAsyncScope(fn, undefined, ...args);
  }
  static bind(fn, type, thisArg) {
    const resource = new AsyncResource(type || 'bound-anonymous-fn');
    return (...args) => resource.runInAsyncScope(fn, thisArg, ...args);
  }
  emitDestroy() {
    return this;
  }
  asyncId() {
    return 1;
  }
  triggerAsyncId() {
    return 0;
  }
}

exports.AsyncLocalStorage = AsyncLocalStorage;
exports.AsyncResource = AsyncResource;
exports.executionAsyncId = () => 1;
exports.triggerAsyncId = () => 0;
exports.executionAsyncResource = () => ({});
exports.createHook = function createHook() {
  const error = new Error('async_hooks.createHook is not available in lambda-bridge\'s in-process JavaScript: GraalJS '
      + 'has no async resource hooks (AsyncLocalStorage works, on AsyncContext)');
  error.code = 'ERR_NOT_SUPPORTED';
  throw error;
};
exports.asyncWrapProviders = {};
