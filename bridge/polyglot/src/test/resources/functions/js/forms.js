// Test handlers, one per form and failure, chosen by the handler string.
let calls = 0;

module.exports.callback = (event, context, callback) => {
  calls += 1;
  setTimeout(() => callback(null, { form: 'callback', keys: Object.keys(event).length, calls }), 5);
};

exports.sync = (event, context, callback) => {
  callback(null, { form: 'sync', remaining: context.getRemainingTimeInMillis() > 0,
    name: context.functionName, memory: context.memoryLimitInMB, id: context.awsRequestId });
};

exports.promise = (event) => new Promise((resolve) => setTimeout(() => resolve({ form: 'promise', event }), 5));

exports.throws = async (event) => {
  console.log('about to throw');
  throw new TypeError('bad ' + event.what);
};

exports.rejects = () => Promise.reject(new RangeError('rejected on purpose'));

exports.javaClass = async () => ({ type: String(Java.type('java.lang.System')) });

exports.process = async () => {
  const builder = Java.type('java.lang.ProcessBuilder');
  return { started: String(new builder(['echo', 'hi']).start()) };
};

exports.readOutside = async () => ({ text: require('/etc/hostname') });

exports.spin = async (event) => {
  if (event.spin) {
    for (;;) {
      // until the watchdog cancels the context
    }
  }
  calls += 1;
  return { spun: false, calls };
};
