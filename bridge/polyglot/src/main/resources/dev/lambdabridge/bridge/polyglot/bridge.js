// lambda-bridge's JavaScript side: evaluated once in each context before the function's module.
// It gives the guest what the Node.js runtime would (console tagged with the request id, timers, process.env,
// the context object), calls the handler in its three forms, and serializes results and errors in the guest,
// so that no host (Java) object ever reaches the function's code. Its value is the object the Java side calls.
(function (hostLog, envJson) {
  'use strict';

  // Timers: a queue the Java side drains between the handler's turns (GraalJS has no event loop of its own).
  const timers = [];
  let timerSeq = 0;
  function addTimer(fn, ms, args, interval) {
    if (typeof fn !== 'function') {
      throw new TypeError('The "callback" argument must be of type function. Received ' + typeof fn);
    }
    const delay = Math.max(0, Number(ms) || 0);
    const timer = { id: ++timerSeq, at: Date.now() + delay, fn, args, interval: interval ? Math.max(1, delay) : 0 };
    timers.push(timer);
    return timer.id;
  }
  function clearTimer(id) {
    const i = timers.findIndex(t => t.id === id);
    if (i >= 0) {
      timers.splice(i, 1);
    }
  }
  globalThis.setTimeout = (fn, ms, ...args) => addTimer(fn, ms, args, false);
  globalThis.setInterval = (fn, ms, ...args) => addTimer(fn, ms, args, true);
  globalThis.setImmediate = (fn, ...args) => addTimer(fn, 0, args, false);
  globalThis.clearTimeout = clearTimer;
  globalThis.clearInterval = clearTimer;
  globalThis.clearImmediate = clearTimer;

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
    getRemainingTimeInMillis() {
      return Math.max(0, this[DEADLINE] - Date.now());
    }
    succeed(value) {
      this[DONE](null, value);
    }
    fail(error) {
      this[DONE](error === undefined || error === null ? new Error('handled') : error);
    }
    done(error, value) {
      this[DONE](error, value);
    }
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
      const state = { settled: false, result: null, error: null };
      const done = (error, value) => settle(state, error, value);
      current = done;
      try {
        const returned = handler(JSON.parse(eventJson),
            new LambdaContext(requestId, arn, deadlineMs, identityJson, clientContextJson, done), done);
        if (returned !== null && typeof returned === 'object' && typeof returned.then === 'function') {
          returned.then(value => done(null, value), error => done(
              error === undefined || error === null ? new Error('Promise rejected with ' + error) : error));
        }
      } catch (e) {
        done(e);
      }
      return state;
    },

    // Runs the timers that are due; returns the milliseconds until the next one, or -1 when none is left.
    runTimers() {
      const now = Date.now();
      const due = timers.filter(t => t.at <= now).sort((a, b) => a.at - b.at || a.id - b.id);
      for (const timer of due) {
        if (timer.interval) {
          timer.at = now + timer.interval;
        } else {
          clearTimer(timer.id);
        }
        try {
          timer.fn(...timer.args);
        } catch (e) {
          if (current !== null) {
            current(e);
          }
        }
      }
      if (timers.length === 0) {
        return -1;
      }
      return Math.max(0, Math.min(...timers.map(t => t.at)) - Date.now());
    },
  };
})
