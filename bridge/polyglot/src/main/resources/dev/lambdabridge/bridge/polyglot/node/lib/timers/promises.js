// timers/promises: setTimeout/setImmediate as promises, setInterval as an async iterator, scheduler.wait (with
// AbortSignal and ref options), on the event loop's timers.
'use strict';
const loop = host.loop;

function abortError(signal) {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  error.code = 'ABORT_ERR';
  error.cause = signal.reason;
  return error;
}

function later(schedule, clear, value, options = {}) {
  const { signal, ref = true } = options;
  if (signal && signal.aborted) {
    return Promise.reject(abortError(signal));
  }
  return new Promise((resolve, reject) => {
    let onAbort = null;
    const timer = schedule(() => {
      if (signal) {
        signal.removeEventListener('abort', onAbort);
      }
      resolve(value);
    });
    if (!ref) {
      timer.unref();
    }
    if (signal) {
      onAbort = () => {
        clear(timer);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

exports.setTimeout = (delay, value, options) =>
  later(fn => loop.setTimeout(fn, delay), loop.clearTimeout, value, options);
exports.setImmediate = (value, options) => later(fn => loop.setImmediate(fn), loop.clearImmediate, value, options);
exports.setInterval = async function* setInterval(delay, value, options = {}) {
  const { signal, ref = true } = options;
  if (signal && signal.aborted) {
    throw abortError(signal);
  }
  let ticks = 0;
  let wake = null;
  const timer = loop.setInterval(() => {
    ticks++;
    if (wake) {
      wake();
      wake = null;
    }
  }, delay);
  if (!ref) {
    timer.unref();
  }
  let onAbort = null;
  const aborted = signal ? new Promise((resolve, reject) => {
    onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
  }) : null;
  try {
    for (;;) {
      if (ticks === 0) {
        const tick = new Promise(resolve => {
          wake = resolve;
        });
        await (aborted ? Promise.race([tick, aborted]) : tick);
      }
      ticks--;
      yield value;
    }
  } finally {
    loop.clearInterval(timer);
    if (signal) {
      signal.removeEventListener('abort', onAbort);
    }
  }
};
exports.scheduler = {
  wait: (delay, options) => exports.setTimeout(delay, undefined, options),
  yield: () => exports.setImmediate(),
};
