// events: the npm package `events` (Node's EventEmitter, bundled as vendor/events), with what Node 22 has
// beyond it: events.on (an async iterator), errorMonitor, getEventListeners, setMaxListeners, addAbortListener.
'use strict';
const EventEmitter = require('vendor/events');
module.exports = EventEmitter;

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.errorMonitor = Symbol('events.errorMonitor');
EventEmitter.captureRejectionSymbol = Symbol.for('nodejs.rejection');
EventEmitter.captureRejections = false;
const originalEmit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(type, ...args) {
  if (type === 'error' && this._events !== undefined && this._events[EventEmitter.errorMonitor] !== undefined) {
    originalEmit.call(this, EventEmitter.errorMonitor, ...args);
  }
  return originalEmit.call(this, type, ...args);
};

EventEmitter.getEventListeners = function getEventListeners(target, name) {
  if (typeof target.listeners === 'function') {
    return target.listeners(name);
  }
  return [];
};
EventEmitter.setMaxListeners = function setMaxListeners(n = 10, ...targets) {
  if (targets.length === 0) {
    EventEmitter.defaultMaxListeners = n;
  }
  for (const target of targets) {
    if (typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    }
  }
};
EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);
EventEmitter.addAbortListener = function addAbortListener(signal, listener) {
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, { once: true });
  }
  return { [Symbol.dispose || Symbol.for('Symbol.dispose')]() {
    signal.removeEventListener('abort', listener);
  } };
};

function abortError(signal) {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  error.code = 'ABORT_ERR';
  error.cause = signal && signal.reason;
  return error;
}

// events.on(emitter, name): the events as an async iterator; an 'error' event rejects the pending next()
EventEmitter.on = function on(emitter, event, options = {}) {
  const signal = options.signal;
  if (signal && signal.aborted) {
    throw abortError(signal);
  }
  const unconsumed = [];
  const pending = [];
  let error = null;
  let finished = false;
  const listener = (...args) => {
    const waiting = pending.shift();
    if (waiting) {
      waiting.resolve({ value: args, done: false });
    } else {
      unconsumed.push(args);
    }
  };
  const onError = err => {
    finished = true;
    const waiting = pending.shift();
    if (waiting) {
      waiting.reject(err);
    } else {
      error = err;
    }
    iterator.return();
  };
  const onAbort = () => onError(abortError(signal));
  emitter.on(event, listener);
  if (event !== 'error') {
    emitter.on('error', onError);
  }
  if (signal) {
    signal.addEventListener('abort', onAbort, { once: true });
  }
  const iterator = {
    next() {
      const value = unconsumed.shift();
      if (value) {
        return Promise.resolve({ value, done: false });
      }
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) {
        return Promise.resolve({ value: undefined, done: true });
      }
      return new Promise((resolve, reject) => pending.push({ resolve, reject }));
    },
    return() {
      emitter.removeListener(event, listener);
      emitter.removeListener('error', onError);
      if (signal) {
        signal.removeEventListener('abort', onAbort);
      }
      finished = true;
      for (const waiting of pending.splice(0)) {
        waiting.resolve({ value: undefined, done: true });
      }
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      onError(err);
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return iterator;
};

// events.once with an AbortSignal, and on EventTargets, as Node's
const originalOnce = EventEmitter.once;
EventEmitter.once = function once(emitter, name, options = {}) {
  const signal = options.signal;
  if (signal && signal.aborted) {
    return Promise.reject(abortError(signal));
  }
  if (typeof emitter.addEventListener === 'function' && typeof emitter.on !== 'function') {
    return new Promise((resolve, reject) => {
      emitter.addEventListener(name, (...args) => resolve(args), { once: true });
      if (signal) {
        signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
      }
    });
  }
  if (!signal) {
    return originalOnce(emitter, name);
  }
  return new Promise((resolve, reject) => {
    originalOnce(emitter, name).then(resolve, reject);
    signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
  });
};
