// worker_threads: a handler runs on the main thread; new workers are refused (a GraalJS context with host access
// closed may not start threads).
'use strict';
exports.isMainThread = true;
exports.parentPort = null;
exports.workerData = null;
exports.threadId = 0;
exports.resourceLimits = {};
exports.SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
exports.Worker = class Worker {
  constructor() {
    const error = new Error('worker_threads.Worker is not available in lambda-bridge\'s in-process JavaScript: the '
        + 'GraalJS context may not start threads (host access is closed)');
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  }
};
exports.MessageChannel = globalThis.MessageChannel;
exports.markAsUntransferable = () => {};
exports.getEnvironmentData = () => undefined;
exports.setEnvironmentData = () => {};
