// Node's event loop order: nextTick, promise jobs, then (a handler runs as an I/O callback) immediates before
// timers; timers awaited in a row; timers/promises
const timersPromises = require('node:timers/promises');
exports.handler = async () => {
  const order = [];
  await new Promise(resolve => {
    setTimeout(() => {
      order.push('timeout 1');
      process.nextTick(() => order.push('tick in timeout 1'));
      Promise.resolve().then(() => order.push('promise in timeout 1'));
    }, 0);
    setTimeout(() => order.push('timeout 2'), 0);
    setImmediate(() => {
      order.push('immediate');
      process.nextTick(() => order.push('tick in immediate'));
    });
    setTimeout(resolve, 10);
    Promise.resolve().then(() => {
      order.push('promise');
      process.nextTick(() => order.push('tick in promise'));
    });
    process.nextTick(() => {
      order.push('tick');
      Promise.resolve().then(() => order.push('promise in tick'));
    });
    queueMicrotask(() => order.push('microtask'));
    order.push('sync');
  });
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const started = Date.now();
  await sleep(5);
  await sleep(5);
  await sleep(5);
  const slept = Date.now() - started >= 14;
  let ticks = 0;
  await new Promise(r => {
    const interval = setInterval(() => {
      if (++ticks === 3) {
        clearInterval(interval);
        r();
      }
    }, 1);
  });
  const cleared = [];
  const t = setTimeout(() => cleared.push('should not run'), 1);
  clearTimeout(t);
  const i = setImmediate(() => cleared.push('should not run either'));
  clearImmediate(i);
  const timeout = setTimeout(() => {}, 1);
  const timerApi = [typeof timeout.ref, typeof timeout.unref, timeout.hasRef(), timeout.unref().hasRef(), typeof timeout[Symbol.toPrimitive](),
    typeof timeout.refresh];
  clearTimeout(timeout);
  const values = [await timersPromises.setTimeout(2, 'timer value'), await timersPromises.setImmediate('immediate value')];
  let count = 0;
  for await (const v of timersPromises.setInterval(1, 'i')) {
    if (++count === 2) break;
  }
  const controller = new AbortController();
  const aborted = timersPromises.setTimeout(1000, null, { signal: controller.signal }).catch(e => [e.name, e.code]);
  controller.abort();
  return { order, slept, ticks, cleared, timerApi, values, count, aborted: await aborted, args: await new Promise(r => setTimeout((a, b) => r([a, b]), 1, 'x', 'y')) };
};
