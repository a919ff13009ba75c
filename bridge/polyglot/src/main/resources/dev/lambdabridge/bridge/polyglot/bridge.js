// lambda-bridge's JavaScript side: evaluated once in each context before the function's module.
// It gives the guest what the Node.js runtime would (console tagged with the request id, timers, process.env,
// the context object), calls the handler in its three forms, and serializes results and errors in the guest,
// so that no host (Java) object ever reaches the function's code. Its value is the object the Java side calls.
(function (hostLog, envJson) {
  'use strict';

  // GraalJS's shell functions (js.shell gives quit(), the only way for guest code to end its context as
  // process.exit does); Node has none of them, so they are taken off the global object
  const quit = typeof globalThis.quit === 'function' ? globalThis.quit : null;
  for (const name of ['quit', 'readline', 'read', 'readbuffer', 'loadWithNewGlobal', 'printErr', 'print', 'load']) {
    delete globalThis[name];
  }

  // The event loop's guest half: Node's timers, immediates and process.nextTick queue. GraalJS has no event loop
  // of its own; the Java side (node/EventLoop.java) runs one callback per call into this context, so that the
  // promise jobs a callback queues run after it (GraalJS runs them when a call from the host returns), as
  // Node runs microtasks after each callback. Each callback runs in the AsyncContext it was scheduled in (for
  // async_hooks' AsyncLocalStorage).
  const Snapshot = typeof AsyncContext === 'object' ? AsyncContext.Snapshot : null;
  const loop = (function () {
    const timers = []; // sorted by (at, seq): the next due timer first
    const immediates = [];
    const ticks = [];
    let seq = 0;
    let refedTimers = 0;
    let refedImmediates = 0;
    let loopNow = 0;
    let immediateBudget = 0;
    const uncaught = { handler: null }; // process's 'uncaughtException' listeners, set by globals.js

    function checkCallback(fn) {
      if (typeof fn !== 'function') {
        const e = new TypeError('The "callback" argument must be of type function. Received '
            + (fn === null ? 'null' : typeof fn === 'object' ? 'an instance of ' + (fn.constructor && fn.constructor.name || 'Object') : 'type ' + typeof fn + ' (' + String(fn) + ')'));
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
      }
    }
    function insert(timer) {
      let lo = 0;
      let hi = timers.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const t = timers[mid];
        if (t._at < timer._at || (t._at === timer._at && t._seq < timer._seq)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      timers.splice(lo, 0, timer);
    }
    function remove(timer) {
      const i = timers.indexOf(timer);
      if (i >= 0) {
        timers.splice(i, 1);
        if (timer._refed) {
          refedTimers--;
        }
      }
    }
    const byId = new Map(); // a Timeout's number ([Symbol.toPrimitive]) -> the Timeout, for clearTimeout(number)

    // Node's Timeout: the value of setTimeout and setInterval
    class Timeout {
      constructor(fn, ms, args, repeat) {
        let delay = Number(ms);
        if (!(delay >= 1 && delay <= 2147483647)) {
          delay = 1; // as Node: NaN, < 1 and > 2^31-1 mean 1 ms
        }
        this._idleTimeout = delay;
        this._onTimeout = fn;
        this._timerArgs = args;
        this._repeat = repeat ? delay : null;
        this._destroyed = false;
        this._refed = true;
        this._snapshot = Snapshot ? new Snapshot() : null;
        this._id = 0;
        this._schedule();
      }
      _schedule() {
        this._at = Date.now() + this._idleTimeout;
        this._seq = ++seq;
        insert(this);
        if (this._refed) {
          refedTimers++;
        }
      }
      ref() {
        if (!this._refed) {
          this._refed = true;
          if (timers.includes(this)) {
            refedTimers++;
          }
        }
        return this;
      }
      unref() {
        if (this._refed) {
          this._refed = false;
          if (timers.includes(this)) {
            refedTimers--;
          }
        }
        return this;
      }
      hasRef() {
        return this._refed;
      }
      refresh() {
        if (!this._destroyed) {
          remove(this);
          this._schedule();
        }
        return this;
      }
      close() {
        clearTimer(this);
        return this;
      }
      [Symbol.toPrimitive]() {
        if (this._id === 0) {
          this._id = seq + 1000000;
          byId.set(this._id, this);
        }
        return this._id;
      }
    }

    class Immediate {
      constructor(fn, args) {
        this._onImmediate = fn;
        this._argv = args;
        this._refed = true;
        this._destroyed = false;
        this._snapshot = Snapshot ? new Snapshot() : null;
        immediates.push(this);
        refedImmediates++;
      }
      ref() {
        if (!this._refed && !this._destroyed) {
          this._refed = true;
          refedImmediates++;
        }
        return this;
      }
      unref() {
        if (this._refed && !this._destroyed) {
          this._refed = false;
          refedImmediates--;
        }
        return this;
      }
      hasRef() {
        return this._refed;
      }
    }

    function clearTimer(timer) {
      if (typeof timer === 'number' || typeof timer === 'string') {
        timer = byId.get(Number(timer));
      }
      if (timer instanceof Timeout && !timer._destroyed) {
        timer._destroyed = true;
        remove(timer);
        byId.delete(timer._id);
      }
    }
    function clearImmediate(immediate) {
      if (immediate instanceof Immediate && !immediate._destroyed) {
        immediate._destroyed = true;
        const i = immediates.indexOf(immediate);
        if (i >= 0) {
          immediates.splice(i, 1);
          if (i < immediateBudget) {
            immediateBudget--;
          }
        }
        if (immediate._refed) {
          refedImmediates--;
        }
      }
    }

    // a callback that throws is an uncaught exception: process's listeners get it, or it fails the invocation
    function guard(snapshot, fn, self, args) {
      try {
        if (snapshot) {
          snapshot.run(() => fn.apply(self, args));
        } else {
          fn.apply(self, args);
        }
      } catch (e) {
        fail(e);
      }
    }
    function fail(e) {
      if (uncaught.handler !== null && uncaught.handler(e)) {
        return;
      }
      if (current !== null) {
        current(e);
      }
    }

    // the nextTick queue, run after each callback before the promise jobs (Node's processTicksAndRejections)
    function drainTicks() {
      if (ticks.length === 0) {
        return false;
      }
      while (ticks.length > 0) {
        const batch = ticks.splice(0, ticks.length);
        for (const tick of batch) {
          guard(tick.snapshot, tick.fn, undefined, tick.args);
        }
      }
      return true;
    }

    return {
      Timeout,
      Immediate,
      uncaught,
      fail,
      // process.exit: ends the context (the invocation fails with Runtime.ExitError; a fresh context serves the next)
      exit(code) {
        if (quit === null) {
          throw new Error('process.exit(' + code + ')');
        }
        quit(code);
      },
      setTimeout(fn, ms, ...args) {
        checkCallback(fn);
        return new Timeout(fn, ms, args, false);
      },
      setInterval(fn, ms, ...args) {
        checkCallback(fn);
        return new Timeout(fn, ms, args, true);
      },
      setImmediate(fn, ...args) {
        checkCallback(fn);
        return new Immediate(fn, args);
      },
      clearTimeout: clearTimer,
      clearInterval: clearTimer,
      clearImmediate,
      nextTick(fn, ...args) {
        checkCallback(fn);
        ticks.push({ fn, args, snapshot: Snapshot ? new Snapshot() : null });
      },

      // an I/O callback for the host to call (node/IoQueue): in the context it was made in, then the nextTick
      // queue, before the host call returns and GraalJS runs the promise jobs
      io(fn) {
        const snapshot = Snapshot ? new Snapshot() : null;
        return (...args) => {
          guard(snapshot, fn, undefined, args);
          drainTicks();
        };
      },

      // --- called by the Java side (EventLoop), one callback per call ---
      // the nextTick queue, drained as Node does before the promise jobs run; true when it ran any
      runTicks: drainTicks,
      // a new turn of the loop: the timers due now, and the immediates queued before the check phase
      beginTurn() {
        loopNow = Date.now();
      },
      // runs the first due timer; false when none is due
      runTimer() {
        const timer = timers[0];
        if (timer === undefined || timer._at > loopNow) {
          return false;
        }
        timers.shift();
        if (timer._refed) {
          refedTimers--;
        }
        if (timer._repeat !== null) {
          timer._schedule();
        } else {
          timer._destroyed = true;
          byId.delete(timer._id);
        }
        guard(timer._snapshot, timer._onTimeout, timer, timer._timerArgs);
        drainTicks();
        return true;
      },
      beginImmediates() {
        immediateBudget = immediates.length;
      },
      runImmediate() {
        if (immediateBudget <= 0 || immediates.length === 0) {
          return false;
        }
        immediateBudget--;
        const immediate = immediates.shift();
        immediate._destroyed = true;
        if (immediate._refed) {
          refedImmediates--;
        }
        guard(immediate._snapshot, immediate._onImmediate, immediate, immediate._argv);
        drainTicks();
        return true;
      },
      // ms until the next timer is due (0 when immediates wait), -1 when there are no timers or immediates;
      // alive() says whether any of them holds the loop open (unref'd ones do not)
      waitMs() {
        if (immediates.length > 0 || ticks.length > 0) {
          return 0;
        }
        return timers.length === 0 ? -1 : Math.max(0, timers[0]._at - Date.now());
      },
      alive() {
        return refedTimers > 0 || refedImmediates > 0 || ticks.length > 0;
      },
    };
  })();
  globalThis.setTimeout = loop.setTimeout;
  globalThis.setInterval = loop.setInterval;
  globalThis.setImmediate = loop.setImmediate;
  globalThis.clearTimeout = loop.clearTimeout;
  globalThis.clearInterval = loop.clearInterval;
  globalThis.clearImmediate = loop.clearImmediate;
  globalThis.queueMicrotask = function queueMicrotask(fn) {
    checkMicrotask(fn);
    const snapshot = Snapshot ? new Snapshot() : null;
    Promise.resolve().then(() => {
      try {
        snapshot ? snapshot.run(fn) : fn();
      } catch (e) {
        loop.fail(e);
      }
    });
  };
  function checkMicrotask(fn) {
    if (typeof fn !== 'function') {
      const e = new TypeError('The "callback" argument must be of type function. Received ' + (fn === null ? 'null' : 'type ' + typeof fn));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
  }

  // console: one record per call, as Node.js's runtime writes it (the Java side adds timestamp and request id)
  function show(value, depth) {
    if (typeof value === 'string') {
      return value;
    }
    if (value instanceof Error) {
      return value.stack || String(value);
    }
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      return String(value);
    }
    try {
      const json = JSON.stringify(value);
      return json === undefined ? String(value) : json;
    } catch (e) {
      return String(value);
    }
  }
  function format(args) {
    // the usual console.log(text): no formatting to do (map and join cost 10 us in Truffle's interpreter)
    if (args.length === 1 && typeof args[0] === 'string' && !args[0].includes('%')) {
      return args[0];
    }
    if (args.length > 0 && typeof args[0] === 'string' && args[0].includes('%')) {
      let i = 1;
      const head = args[0].replace(/%[sdifjoO%]/g, spec => {
        if (spec === '%%') {
          return '%';
        }
        if (i >= args.length) {
          return spec;
        }
        const arg = args[i++];
        switch (spec) {
          case '%d': case '%i': return String(spec === '%i' ? parseInt(arg) : Number(arg));
          case '%f': return String(parseFloat(arg));
          case '%s': return typeof arg === 'string' ? arg : show(arg);
          default: return show(arg);
        }
      });
      return [head].concat(args.slice(i).map(show)).join(' ');
    }
    return args.map(show).join(' ');
  }
  const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
  for (const [name, level] of Object.entries(levels)) {
    console[name] = (...args) => hostLog(level, format(args));
  }

  globalThis.process = globalThis.process || {};
  process.env = JSON.parse(envJson);

  // Errors as Node.js's runtime reports them (errorType, errorMessage, and the stack's lines).
  function report(error) {
    try {
      if (error instanceof Error || (error && typeof error === 'object' && 'stack' in error && 'message' in error)) {
        return {
          errorType: String(error.name || 'Error'),
          errorMessage: String(error.message),
          trace: String(error.stack || '').split('\n'),
        };
      }
      return { errorType: typeof error, errorMessage: String(error), trace: [] };
    } catch (e) {
      return { errorType: 'handled', errorMessage: 'callback called with Error argument, but there was a problem '
          + 'while retrieving one or more of its message, name, and stack', trace: [] };
    }
  }

  function serialize(value) {
    const json = JSON.stringify(value === undefined ? null : value);
    return json === undefined ? 'null' : json;
  }

  let handler = null;
  let current = null; // settles the invocation in progress: a timer that throws fails it, as in Node.js
  let fixed = null; // what every invocation's context shares (configure)

  // Settles one invocation's state once: the first of return, Promise, callback or context.done wins.
  function settle(state, error, value) {
    if (state.settled) {
      return;
    }
    state.settled = true;
    if (error !== null && error !== undefined) {
      state.error = report(error);
      return;
    }
    try {
      state.result = serialize(value);
    } catch (e) {
      state.error = report(e);
    }
  }

  // The context object, as Node.js's runtime gives it: the per-invocation values are own properties, the
  // methods sit on the prototype (so that a warm invocation builds one small object, not a closure per method).
  const DONE = Symbol('done');
  const DEADLINE = Symbol('deadline');
  class LambdaContext {
    constructor(requestId, arn, deadlineMs, identityJson, clientContextJson, done) {
      this.awsRequestId = requestId;
      this.invokedFunctionArn = arn;
      this.functionName = fixed.functionName;
      this.functionVersion = fixed.functionVersion;
      this.memoryLimitInMB = fixed.memory;
      this.logGroupName = fixed.logGroup;
      this.logStreamName = fixed.logStream;
      this.identity = identityJson ? JSON.parse(identityJson) : undefined;
      this.clientContext = clientContextJson ? JSON.parse(clientContextJson) : undefined;
      this.callbackWaitsForEmptyEventLoop = true;
      this[DEADLINE] = deadlineMs;
      this[DONE] = done;
    }
  }
  // the methods work detached too (`const { getRemainingTimeInMillis } = context`, as middy does), as Node.js's
  // runtime's closures do: a getter gives the function bound to its context, made only when it is read
  const methods = {
    getRemainingTimeInMillis(context) {
      return () => Math.max(0, context[DEADLINE] - Date.now());
    },
    succeed(context) {
      return value => context[DONE](null, value);
    },
    fail(context) {
      return error => context[DONE](error === undefined || error === null ? new Error('handled') : error);
    },
    done(context) {
      return (error, value) => context[DONE](error, value);
    },
  };
  for (const [name, make] of Object.entries(methods)) {
    Object.defineProperty(LambdaContext.prototype, name, {
      get() {
        return make(this);
      },
      set(value) {
        Object.defineProperty(this, name, { value, writable: true, configurable: true, enumerable: true });
      },
      configurable: true,
    });
  }

  return {
    // the exported function named by the handler string (found by the Java side)
    setHandler(fn) {
      handler = fn;
    },

    // The context's values that do not change in the process's life, given once at init.
    configure(functionName, functionVersion, memory, logGroup, logStream) {
      fixed = { functionName, functionVersion, memory: String(memory), logGroup, logStream };
    },

    // Starts one invocation; the returned state is settled by the handler's return, Promise or callback.
    // state.result is set (a string) only when it settled without an error.
    invoke(eventJson, requestId, arn, deadlineMs, identityJson, clientContextJson) {
      // waits: a callback (or context.done) with callbackWaitsForEmptyEventLoop holds the response until the
      // event loop is empty, as Node.js's runtime does; a returned Promise answers as soon as it settles
      const state = { settled: false, result: null, error: null, waits: false };
      let context = null;
      const done = (error, value) => {
        if (!state.settled) {
          state.waits = context.callbackWaitsForEmptyEventLoop === true;
        }
        settle(state, error, value);
      };
      current = done;
      // as Node.js's runtime calls it: in a promise job (after the Runtime API's answer), so that the promise jobs
      // the handler queues run before its process.nextTick callbacks (the Java side runs those next)
      Promise.resolve().then(() => {
        try {
          context = new LambdaContext(requestId, arn, deadlineMs, identityJson, clientContextJson, done);
          const returned = handler(JSON.parse(eventJson), context, done);
          if (returned !== null && typeof returned === 'object' && typeof returned.then === 'function') {
            returned.then(value => settle(state, null, value), error => settle(state,
                error === undefined || error === null ? new Error('Promise rejected with ' + error) : error));
          }
        } catch (e) {
          settle(state, e);
        }
      });
      return state;
    },

    // the event loop's guest half, driven by the Java side (node/EventLoop.java); also the timers built-in's
    loop,
  };
})
