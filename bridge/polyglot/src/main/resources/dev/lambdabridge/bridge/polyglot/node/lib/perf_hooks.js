// perf_hooks: performance (GraalJS's performance.now, with Node's timeOrigin, mark and measure written here).
'use strict';
module.exports.performance = require('internal/performance');
module.exports.PerformanceObserver = class PerformanceObserver {
  constructor(callback) {
    this.callback = callback;
  }
  observe() {
    const error = new Error('PerformanceObserver is not available in lambda-bridge\'s in-process JavaScript');
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  }
  disconnect() {}
};
module.exports.monitorEventLoopDelay = () => {
  const error = new Error('monitorEventLoopDelay is not available in lambda-bridge\'s in-process JavaScript');
  error.code = 'ERR_NOT_SUPPORTED';
  throw error;
};
module.exports.constants = {};
