// The global performance: now() on the host's monotonic clock (nanoseconds, like Node's), timeOrigin, and the user
// timing marks and measures.
'use strict';
const clock = host.process;
const startNs = clock.hrtime();
const origin = Date.now();
const now = () => (clock.hrtime() - startNs) / 1e6;
const entries = [];
class PerformanceEntry {
  constructor(name, entryType, startTime, duration, detail) {
    Object.assign(this, { name, entryType, startTime, duration, detail });
  }
  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration,
      detail: this.detail };
  }
}
const performance = {
  now,
  timeOrigin: origin,
  mark(name, options = {}) {
    const entry = new PerformanceEntry(name, 'mark', options.startTime === undefined ? now() : options.startTime, 0,
        options.detail === undefined ? null : options.detail);
    entries.push(entry);
    return entry;
  },
  measure(name, start, end) {
    const at = mark => (typeof mark === 'number' ? mark : mark === undefined ? undefined
      : (entries.filter(e => e.name === mark).pop() || {}).startTime);
    let startTime = typeof start === 'object' && start !== null ? at(start.start) : at(start);
    let endTime = typeof start === 'object' && start !== null ? at(start.end) : at(end);
    startTime = startTime === undefined ? 0 : startTime;
    endTime = endTime === undefined ? now() : endTime;
    const entry = new PerformanceEntry(name, 'measure', startTime, endTime - startTime, null);
    entries.push(entry);
    return entry;
  },
  getEntries: () => entries.slice(),
  getEntriesByName: (name, type) => entries.filter(e => e.name === name && (type === undefined || e.entryType === type)),
  getEntriesByType: type => entries.filter(e => e.entryType === type),
  clearMarks(name) {
    remove('mark', name);
  },
  clearMeasures(name) {
    remove('measure', name);
  },
  toJSON() {
    return { timeOrigin: origin };
  },
};
function remove(type, name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) {
      entries.splice(i, 1);
    }
  }
}
module.exports = performance;
