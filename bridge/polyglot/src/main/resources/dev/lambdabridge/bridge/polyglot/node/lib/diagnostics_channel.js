// diagnostics_channel: named channels with subscribers (undici and some loggers publish on them).
'use strict';
const channels = new Map();
class Channel {
  constructor(name) {
    this.name = name;
    this._subscribers = [];
  }
  get hasSubscribers() {
    return this._subscribers.length > 0;
  }
  subscribe(fn) {
    this._subscribers.push(fn);
  }
  unsubscribe(fn) {
    const i = this._subscribers.indexOf(fn);
    if (i >= 0) {
      this._subscribers.splice(i, 1);
      return true;
    }
    return false;
  }
  publish(message) {
    for (const fn of this._subscribers.slice()) {
      try {
        fn(message, this.name);
      } catch (e) {
        process.nextTick(() => {
          throw e;
        });
      }
    }
  }
  bindStore() {}
  unbindStore() {}
  runStores(data, fn, thisArg, ...args) {
    this.publish(data);
    return fn.apply(thisArg, args);
  }
}
exports.channel = name => {
  if (!channels.has(name)) {
    channels.set(name, new Channel(name));
  }
  return channels.get(name);
};
exports.hasSubscribers = name => channels.has(name) && channels.get(name).hasSubscribers;
exports.subscribe = (name, fn) => exports.channel(name).subscribe(fn);
exports.unsubscribe = (name, fn) => exports.channel(name).unsubscribe(fn);
exports.tracingChannel = name => {
  const parts = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];
  const tracing = {};
  for (const part of parts) {
    tracing[part] = exports.channel(`tracing:${name}:${part}`);
  }
  tracing.traceSync = (fn, context = {}, thisArg, ...args) => {
    tracing.start.publish(context);
    try {
      context.result = fn.apply(thisArg, args);
      return context.result;
    } catch (e) {
      context.error = e;
      tracing.error.publish(context);
      throw e;
    } finally {
      tracing.end.publish(context);
    }
  };
  tracing.tracePromise = (fn, context = {}, thisArg, ...args) => tracing.traceSync(() => Promise.resolve(
      fn.apply(thisArg, args)).then(result => {
    context.result = result;
    tracing.asyncStart.publish(context);
    tracing.asyncEnd.publish(context);
    return result;
  }, error => {
    context.error = error;
    tracing.error.publish(context);
    tracing.asyncStart.publish(context);
    tracing.asyncEnd.publish(context);
    throw error;
  }), context);
  tracing.traceCallback = (fn, position, context, thisArg, ...args) => tracing.traceSync(fn, context, thisArg, ...args);
  tracing.subscribe = handlers => {
    for (const part of parts) {
      if (handlers[part]) {
        tracing[part].subscribe(handlers[part]);
      }
    }
  };
  tracing.unsubscribe = handlers => {
    for (const part of parts) {
      if (handlers[part]) {
        tracing[part].unsubscribe(handlers[part]);
      }
    }
  };
  Object.defineProperty(tracing, 'hasSubscribers', { get: () => parts.some(p => tracing[p].hasSubscribers) });
  return tracing;
};
exports.Channel = Channel;
