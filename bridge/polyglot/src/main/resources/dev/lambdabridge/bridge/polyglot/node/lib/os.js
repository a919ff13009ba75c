// os: what the machine is, from the Java side (host.os), in Node's shapes; Lambda runs Linux.
'use strict';
const backing = host.os;
exports.EOL = '\n';
exports.devNull = '/dev/null';
exports.platform = () => 'linux';
exports.type = () => 'Linux';
exports.arch = () => process.arch;
exports.machine = () => (process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : process.arch);
exports.release = () => backing.release;
exports.version = () => '#1 SMP';
exports.endianness = () => 'LE';
exports.hostname = () => backing.hostname();
exports.homedir = () => process.env.HOME || backing.home;
exports.tmpdir = () => {
  const dir = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
};
exports.totalmem = () => backing.totalmem();
exports.freemem = () => backing.freemem();
exports.availableParallelism = () => backing.cpus;
exports.uptime = () => process.uptime();
exports.loadavg = () => {
  const one = backing.loadavg();
  return [one, one, one];
};
exports.cpus = () => Array.from({ length: backing.cpus }, () => ({
  model: 'unknown', speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 },
}));
exports.networkInterfaces = () => ({
  lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true,
    cidr: '127.0.0.1/8' }],
});
exports.userInfo = (options) => ({
  uid: process.getuid(), gid: process.getgid(), username: backing.user, homedir: exports.homedir(), shell: null,
});
exports.getPriority = () => 0;
exports.setPriority = () => {
  const error = new Error('setPriority is not allowed in lambda-bridge\'s in-process JavaScript');
  error.code = 'ERR_SYSTEM_ERROR';
  throw error;
};
exports.constants = {
  signals: { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9,
    SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15 },
  errno: { ENOENT: 2, EACCES: 13, EEXIST: 17, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, ENOTEMPTY: 39, ECONNREFUSED: 111 },
  priority: { PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0, PRIORITY_ABOVE_NORMAL: -7,
    PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20 },
  UV_UDP_REUSEADDR: 4,
  dlopen: { RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0 },
};
