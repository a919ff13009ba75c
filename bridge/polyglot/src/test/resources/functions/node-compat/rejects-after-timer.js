// a handler whose promise rejects after a timer: the invocation fails with the error
exports.handler = async () => {
  await new Promise(r => setTimeout(r, 5));
  await new Promise(r => setImmediate(r));
  const error = new RangeError('rejected after a timer');
  throw error;
};
