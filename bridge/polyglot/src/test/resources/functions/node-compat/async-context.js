// node:async_hooks AsyncLocalStorage across awaits, timers, immediates, nextTick and promises
const { AsyncLocalStorage, AsyncResource } = require('node:async_hooks');
const storage = new AsyncLocalStorage();
exports.handler = async (event) => {
  const seen = await storage.run({ id: 'outer' }, async () => {
    const values = [storage.getStore().id];
    await new Promise(r => setTimeout(r, 1));
    values.push(storage.getStore().id);
    values.push(await new Promise(r => setImmediate(() => r(storage.getStore().id))));
    values.push(await new Promise(r => process.nextTick(() => r(storage.getStore().id))));
    const inner = await storage.run({ id: 'inner' }, async () => {
      await null;
      return storage.getStore().id;
    });
    values.push(inner, storage.getStore().id);
    const bound = AsyncResource.bind(() => storage.getStore().id);
    values.push(await storage.run({ id: 'other' }, () => bound()));
    return values;
  });
  return { seen, outside: storage.getStore() === undefined };
};
