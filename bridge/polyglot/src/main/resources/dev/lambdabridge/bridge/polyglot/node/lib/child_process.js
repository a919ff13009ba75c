// child_process: refused. A GraalJS context with host access closed may not start processes (and Lambda's
// in-process JavaScript has no Node binary to fork); every function throws an error that says so.
'use strict';
function refuse(member) {
  return function () {
    const error = new Error(`child_process.${member}() is not available in lambda-bridge's in-process JavaScript: `
        + 'the GraalJS context may not start processes (host access is closed); run the function on a process '
        + 'bridge (worker:node ...) if it needs them');
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  };
}
for (const member of ['exec', 'execFile', 'execFileSync', 'execSync', 'fork', 'spawn', 'spawnSync']) {
  exports[member] = refuse(member);
}
exports.ChildProcess = class ChildProcess {
  constructor() {
    refuse('ChildProcess')();
  }
};
