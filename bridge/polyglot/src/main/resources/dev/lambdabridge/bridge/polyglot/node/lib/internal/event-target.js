// EventTarget, Event, AbortController and AbortSignal (with timeout, any, throwIfAborted) as Node 22 has them;
// written here: the npm ones (event-target-shim, abort-controller) predate AbortSignal.timeout and any.
'use strict';
const kStop = Symbol('stop');

class Event {
  constructor(type, options = {}) {
    if (arguments.length === 0) {
      const error = new TypeError('The "type" argument must be specified');
      error.code = 'ERR_MISSING_ARGS';
      throw error;
    }
    this._type = String(type);
    this._bubbles = !!options.bubbles;
    this._cancelable = !!options.cancelable;
    this._composed = !!options.composed;
    this._defaultPrevented = false;
    this._timeStamp = Date.now();
    this._target = null;
    this[kStop] = false;
  }
  get type() {
    return this._type;
  }
  get bubbles() {
    return this._bubbles;
  }
  get cancelable() {
    return this._cancelable;
  }
  get composed() {
    return this._composed;
  }
  get defaultPrevented() {
    return this._cancelable && this._defaultPrevented;
  }
  get timeStamp() {
    return this._timeStamp;
  }
  get target() {
    return this._target;
  }
  get currentTarget() {
    return this._target;
  }
  get srcElement() {
    return this._target;
  }
  get isTrusted() {
    return false;
  }
  get eventPhase() {
    return this._target ? 2 : 0;
  }
  get returnValue() {
    return !this.defaultPrevented;
  }
  composedPath() {
    return this._target ? [this._target] : [];
  }
  preventDefault() {
    this._defaultPrevented = true;
  }
  stopPropagation() {}
  stopImmediatePropagation() {
    this[kStop] = true;
  }
  get [Symbol.toStringTag]() {
    return 'Event';
  }
}
Event.NONE = 0;
Event.CAPTURING_PHASE = 1;
Event.AT_TARGET = 2;
Event.BUBBLING_PHASE = 3;

class CustomEvent extends Event {
  constructor(type, options = {}) {
    super(type, options);
    this._detail = options.detail === undefined ? null : options.detail;
  }
  get detail() {
    return this._detail;
  }
}

const kListeners = Symbol('listeners');
class EventTarget {
  constructor() {
    this[kListeners] = new Map();
  }
  addEventListener(type, listener, options = {}) {
    if (listener === null || listener === undefined) {
      return;
    }
    const opts = typeof options === 'boolean' ? { capture: options } : options;
    if (opts.signal && opts.signal.aborted) {
      return;
    }
    const list = this[kListeners].get(type) || [];
    if (list.some(l => l.listener === listener && l.capture === !!opts.capture)) {
      return;
    }
    const entry = { listener, once: !!opts.once, capture: !!opts.capture };
    list.push(entry);
    this[kListeners].set(type, list);
    if (opts.signal) {
      opts.signal.addEventListener('abort', () => this.removeEventListener(type, listener, opts), { once: true });
    }
  }
  removeEventListener(type, listener, options = {}) {
    const capture = typeof options === 'boolean' ? options : !!options.capture;
    const list = this[kListeners].get(type);
    if (list) {
      const i = list.findIndex(l => l.listener === listener && l.capture === capture);
      if (i >= 0) {
        list.splice(i, 1);
      }
    }
  }
  dispatchEvent(event) {
    if (!(event instanceof Event)) {
      const error = new TypeError('The "event" argument must be an instance of Event. Received ' + typeof event);
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    event._target = this;
    const list = (this[kListeners].get(event.type) || []).slice();
    for (const entry of list) {
      if (entry.once) {
        this.removeEventListener(event.type, entry.listener, entry);
      }
      try {
        if (typeof entry.listener === 'function') {
          entry.listener.call(this, event);
        } else if (entry.listener && typeof entry.listener.handleEvent === 'function') {
          entry.listener.handleEvent(event);
        }
      } catch (e) {
        // as Node: a throwing listener is an uncaught exception, the other listeners still run
        process.nextTick(() => {
          throw e;
        });
      }
      if (event[kStop]) {
        break;
      }
    }
    const handler = this['on' + event.type];
    if (typeof handler === 'function' && !list.some(l => l.listener === handler)) {
      handler.call(this, event);
    }
    return !event.defaultPrevented;
  }
  get [Symbol.toStringTag]() {
    return 'EventTarget';
  }
}

function domException(message, name) {
  const error = new Error(message);
  error.name = name;
  error.code = name === 'AbortError' ? 20 : name === 'TimeoutError' ? 23 : 0;
  return error;
}

const kAborted = Symbol('aborted');
const kReason = Symbol('reason');
class AbortSignal extends EventTarget {
  constructor(key) {
    if (key !== kAborted) {
      const error = new TypeError('Illegal constructor');
      error.code = 'ERR_ILLEGAL_CONSTRUCTOR';
      throw error;
    }
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
    this.onabort = null;
  }
  get aborted() {
    return this[kAborted];
  }
  get reason() {
    return this[kReason];
  }
  throwIfAborted() {
    if (this[kAborted]) {
      throw this[kReason];
    }
  }
  get [Symbol.toStringTag]() {
    return 'AbortSignal';
  }
  static abort(reason) {
    const signal = new AbortSignal(kAborted);
    signal[kAborted] = true;
    signal[kReason] = reason === undefined ? domException('This operation was aborted', 'AbortError') : reason;
    return signal;
  }
  static timeout(ms) {
    const signal = new AbortSignal(kAborted);
    // unref'd: a pending timeout signal does not hold the event loop open, as in Node
    setTimeout(() => abort(signal, domException('The operation was aborted due to timeout', 'TimeoutError')), ms)
        .unref();
    return signal;
  }
  static any(signals) {
    const signal = new AbortSignal(kAborted);
    for (const source of signals) {
      if (source.aborted) {
        signal[kAborted] = true;
        signal[kReason] = source.reason;
        return signal;
      }
    }
    for (const source of signals) {
      source.addEventListener('abort', () => abort(signal, source.reason), { once: true });
    }
    return signal;
  }
}

function abort(signal, reason) {
  if (signal[kAborted]) {
    return;
  }
  signal[kAborted] = true;
  signal[kReason] = reason === undefined ? domException('This operation was aborted', 'AbortError') : reason;
  signal.dispatchEvent(new Event('abort'));
}

class AbortController {
  constructor() {
    this._signal = new AbortSignal(kAborted);
  }
  get signal() {
    return this._signal;
  }
  abort(reason) {
    abort(this._signal, reason);
  }
  get [Symbol.toStringTag]() {
    return 'AbortController';
  }
}

module.exports = { Event, CustomEvent, EventTarget, AbortSignal, AbortController, domException };
