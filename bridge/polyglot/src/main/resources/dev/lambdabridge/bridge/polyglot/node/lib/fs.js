// fs: files on the Java side (host.fs: java.nio.file), within the function's sandbox when host access is closed
// (reads in the task root, /opt and /tmp, writes in /tmp), with Node's errors (code, errno, syscall, path). The
// synchronous forms call the host; the callback forms run the same operation and answer in the event loop's I/O
// phase; fs/promises resolves there too. Streams read and write through file descriptors.
'use strict';
const backing = host.fs;
const { Buffer } = require('buffer');

const constants = {
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2, COPYFILE_FICLONE_FORCE: 4,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024,
  S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o040000, S_IFCHR: 0o020000, S_IFBLK: 0o060000,
  S_IFIFO: 0o010000, S_IFLNK: 0o120000, S_IFSOCK: 0o140000, UV_FS_COPYFILE_EXCL: 1,
};
exports.constants = constants;
Object.assign(exports, { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 });

function toPath(path, name = 'path') {
  if (typeof path === 'string') {
    return path;
  }
  if (Buffer.isBuffer(path)) {
    return path.toString();
  }
  if (path !== null && typeof path === 'object' && path.href !== undefined && path.protocol !== undefined) {
    return require('url').fileURLToPath(path);
  }
  const error = new TypeError(`The "${name}" argument must be of type string or an instance of Buffer or URL. `
      + `Received ${path === null ? 'null' : path === undefined ? 'undefined' : 'type ' + typeof path}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  throw error;
}
function optionsOf(options, defaults) {
  if (typeof options === 'string') {
    return Object.assign({}, defaults, { encoding: options });
  }
  return Object.assign({}, defaults, options || {});
}
function bytesOf(data, encoding) {
  if (typeof data === 'string') {
    return Buffer.from(data, encoding || 'utf8');
  }
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  const error = new TypeError('The "data" argument must be of type string or an instance of Buffer, TypedArray, or '
      + `DataView. Received ${data === null ? 'null' : 'type ' + typeof data}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  throw error;
}

class Stats {
  constructor(s) {
    for (const key of ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'ino', 'size']) {
      this[key] = s[key];
    }
    this.blksize = 4096;
    this.blocks = Math.ceil(s.size / 512);
    this.atimeMs = s.atimeMs;
    this.mtimeMs = s.mtimeMs;
    this.ctimeMs = s.ctimeMs;
    this.birthtimeMs = s.birthtimeMs;
    this.atime = new Date(s.atimeMs);
    this.mtime = new Date(s.mtimeMs);
    this.ctime = new Date(s.ctimeMs);
    this.birthtime = new Date(s.birthtimeMs);
  }
  _type(bits) {
    return (this.mode & constants.S_IFMT) === bits;
  }
  isFile() {
    return this._type(constants.S_IFREG);
  }
  isDirectory() {
    return this._type(constants.S_IFDIR);
  }
  isSymbolicLink() {
    return this._type(constants.S_IFLNK);
  }
  isFIFO() {
    return this._type(constants.S_IFIFO);
  }
  isSocket() {
    return this._type(constants.S_IFSOCK);
  }
  isCharacterDevice() {
    return this._type(constants.S_IFCHR);
  }
  isBlockDevice() {
    return this._type(constants.S_IFBLK);
  }
}
exports.Stats = Stats;

class Dirent {
  constructor(name, type, parentPath) {
    this.name = name;
    this.parentPath = parentPath;
    this.path = parentPath;
    this._kind = type;
  }
  isFile() {
    return this._kind === 'file';
  }
  isDirectory() {
    return this._kind === 'dir';
  }
  isSymbolicLink() {
    return this._kind === 'link';
  }
  isFIFO() {
    return false;
  }
  isSocket() {
    return false;
  }
  isCharacterDevice() {
    return false;
  }
  isBlockDevice() {
    return false;
  }
}
Object.defineProperty(Dirent.prototype, '_kind', { writable: true, enumerable: false });
exports.Dirent = Dirent;

// --- the synchronous forms ---
const sync = {
  readFileSync(path, options) {
    if (typeof path === 'number') {
      return readAllFd(path, optionsOf(options, { encoding: null }).encoding);
    }
    const { encoding } = optionsOf(options, { encoding: null });
    const file = toPath(path);
    if (encoding === 'utf8' || encoding === 'utf-8') {
      return backing.readText(file);
    }
    const bytes = Buffer._fromHost(backing.readFile(file));
    return encoding ? bytes.toString(encoding) : bytes;
  },
  writeFileSync(path, data, options) {
    const { encoding, flag } = optionsOf(options, { encoding: 'utf8', flag: 'w' });
    const bytes = bytesOf(data, encoding);
    if (typeof path === 'number') {
      backing.write(path, bytes.buffer, bytes.byteOffset, bytes.byteLength, -1);
      return;
    }
    backing.writeFile(toPath(path), bytes.buffer, bytes.byteOffset, bytes.byteLength, String(flag).replace('+', ''));
  },
  appendFileSync(path, data, options) {
    const { encoding } = optionsOf(options, { encoding: 'utf8' });
    sync.writeFileSync(path, data, { encoding, flag: 'a' });
  },
  existsSync(path) {
    try {
      return backing.exists(toPath(path));
    } catch (e) {
      return false;
    }
  },
  statSync(path, options) {
    try {
      return new Stats(backing.stat(toPath(path), true));
    } catch (e) {
      if (options && options.throwIfNoEntry === false && e.code === 'ENOENT') {
        return undefined;
      }
      throw e;
    }
  },
  lstatSync(path, options) {
    try {
      return new Stats(backing.stat(toPath(path), false));
    } catch (e) {
      if (options && options.throwIfNoEntry === false && e.code === 'ENOENT') {
        return undefined;
      }
      throw e;
    }
  },
  fstatSync(fd) {
    return new Stats(backing.fstat(fd));
  },
  readdirSync(path, options) {
    const { withFileTypes, encoding } = optionsOf(options, {});
    const dir = toPath(path);
    const entries = Array.from(backing.readdir(dir), pair => [pair[0], pair[1]]);
    if (withFileTypes) {
      return entries.map(([name, type]) => new Dirent(name, type, dir));
    }
    return entries.map(([name]) => (encoding === 'buffer' ? Buffer.from(name) : name));
  },
  mkdirSync(path, options) {
    const recursive = typeof options === 'object' && options !== null && options.recursive === true;
    const first = backing.mkdir(toPath(path), recursive);
    return recursive ? (first === null ? undefined : first) : undefined;
  },
  rmSync(path, options = {}) {
    backing.rm(toPath(path), options.recursive === true, options.force === true);
  },
  rmdirSync(path, options = {}) {
    if (options.recursive) {
      backing.rm(toPath(path), true, false);
    } else {
      backing.rmdir(toPath(path));
    }
  },
  unlinkSync(path) {
    backing.unlink(toPath(path));
  },
  renameSync(from, to) {
    backing.rename(toPath(from, 'oldPath'), toPath(to, 'newPath'));
  },
  copyFileSync(from, to, mode = 0) {
    backing.copyFile(toPath(from, 'src'), toPath(to, 'dest'), (mode & constants.COPYFILE_EXCL) !== 0);
  },
  cpSync(from, to, options = {}) {
    const source = toPath(from, 'src');
    const target = toPath(to, 'dest');
    if (sync.statSync(source).isDirectory()) {
      if (!options.recursive) {
        const error = new Error(`Recursive option is required to copy a directory: ${source}`);
        error.code = 'ERR_FS_EISDIR';
        throw error;
      }
      sync.mkdirSync(target, { recursive: true });
      for (const name of sync.readdirSync(source)) {
        sync.cpSync(source + '/' + name, target + '/' + name, options);
      }
    } else {
      sync.copyFileSync(source, target);
    }
  },
  accessSync(path, mode = 0) {
    backing.access(toPath(path), mode);
  },
  realpathSync(path) {
    return backing.realpath(toPath(path));
  },
  readlinkSync(path) {
    return backing.readlink(toPath(path));
  },
  symlinkSync(target, path) {
    backing.symlink(toPath(target, 'target'), toPath(path));
  },
  chmodSync(path, mode) {
    backing.chmod(toPath(path), typeof mode === 'string' ? parseInt(mode, 8) : mode);
  },
  truncateSync(path, length = 0) {
    backing.truncate(toPath(path), length);
  },
  mkdtempSync(prefix) {
    return backing.mkdtemp(toPath(prefix, 'prefix'));
  },
  openSync(path, flags = 'r') {
    return backing.open(toPath(path), typeof flags === 'number' ? numericFlags(flags) : String(flags));
  },
  closeSync(fd) {
    backing.close(fd);
  },
  readSync(fd, buffer, offset, length, position) {
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    offset = offset || 0;
    length = length === undefined ? buffer.byteLength - offset : length;
    const data = new Uint8Array(backing.read(fd, length, position === null || position === undefined ? -1 : Number(position)));
    new Uint8Array(buffer.buffer, buffer.byteOffset + offset, data.byteLength).set(data);
    return data.byteLength;
  },
  writeSync(fd, data, offset, length, position) {
    let bytes;
    if (typeof data === 'string') {
      bytes = Buffer.from(data, typeof length === 'string' ? length : 'utf8');
      position = offset;
    } else {
      const view = bytesOf(data);
      offset = offset || 0;
      length = length === undefined ? view.byteLength - offset : length;
      bytes = view.subarray(offset, offset + length);
    }
    return backing.write(fd, bytes.buffer, bytes.byteOffset, bytes.byteLength,
        position === null || position === undefined ? -1 : Number(position));
  },
  fsyncSync() {},
  fdatasyncSync() {},
  utimesSync() {},
  chownSync() {},
  lchownSync() {},
};
Object.assign(exports, sync);

function numericFlags(flags) {
  const { O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND } = constants;
  if (flags & O_APPEND) {
    return flags & O_EXCL ? 'ax' : 'a';
  }
  if (flags & (O_WRONLY | O_RDWR)) {
    return flags & O_EXCL ? 'wx' : (flags & O_TRUNC) || (flags & O_CREAT) ? (flags & O_RDWR ? 'w+' : 'w') : 'r+';
  }
  return 'r';
}

function readAllFd(fd, encoding) {
  const chunks = [];
  for (;;) {
    const chunk = Buffer._fromHost(backing.read(fd, 65536, -1));
    if (chunk.length === 0) {
      break;
    }
    chunks.push(chunk);
  }
  const all = Buffer.concat(chunks);
  return encoding ? all.toString(encoding) : all;
}

// --- the callback forms: the same operation, answered in the event loop's I/O phase ---
function checkCallback(callback) {
  if (typeof callback !== 'function') {
    const error = new TypeError('The "cb" argument must be of type function. Received '
        + (callback === undefined ? 'undefined' : 'type ' + typeof callback));
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
}
function later(callback, fn) {
  let result;
  let error = null;
  try {
    result = fn();
  } catch (e) {
    error = e;
  }
  require('internal/io').post(() => (error ? callback(error) : callback(null, result)));
}
for (const name of Object.keys(sync)) {
  const syncFn = sync[name];
  const asyncName = name.slice(0, -4);
  if (asyncName === 'exists') {
    continue;
  }
  exports[asyncName] = function (...args) {
    const callback = args.pop();
    checkCallback(callback);
    later(callback, () => syncFn(...args));
  };
}
exports.exists = function exists(path, callback) {
  const found = sync.existsSync(path);
  require('internal/io').post(() => callback(found));
};
exports.read = function read(fd, buffer, offset, length, position, callback) {
  const args = [fd, buffer, offset, length, position, callback].filter(a => a !== undefined);
  callback = args.pop();
  later((error, bytesRead) => callback(error, bytesRead, buffer), () => sync.readSync(...args));
};
exports.write = function write(fd, data, ...rest) {
  const callback = rest.pop();
  later((error, written) => callback(error, written, data), () => sync.writeSync(fd, data, ...rest));
};
exports.realpath.native = exports.realpath;
exports.realpathSync.native = exports.realpathSync;

// --- streams ---
class ReadStream extends require('stream').Readable {
  constructor(path, options) {
    const opts = optionsOf(options, { highWaterMark: 65536 });
    super({ highWaterMark: opts.highWaterMark, encoding: opts.encoding || null });
    this.path = typeof path === 'number' || path === null ? undefined : toPath(path);
    this.fd = typeof path === 'number' ? path : opts.fd === undefined ? null : opts.fd;
    this.flags = opts.flags || 'r';
    this.start = opts.start;
    this.end = opts.end === undefined ? Infinity : opts.end;
    this.pos = this.start;
    this.bytesRead = 0;
    this.autoClose = opts.autoClose !== false;
    this.pending = true;
  }
  _construct(callback) {
    if (this.fd !== null) {
      callback();
      return;
    }
    later(error => {
      if (!error) {
        this.pending = false;
        this.emit('open', this.fd);
        this.emit('ready');
      }
      callback(error);
    }, () => {
      this.fd = sync.openSync(this.path, this.flags);
    });
  }
  _read(size) {
    const at = (this.start || 0) + this.bytesRead;
    const want = Math.max(0, this.end === Infinity ? size : Math.min(size, this.end - at + 1));
    if (want === 0) {
      this.push(null);
      return;
    }
    later((error, chunk) => {
      if (error) {
        this.destroy(error);
      } else {
        this.bytesRead += chunk.length;
        this.push(chunk.length > 0 ? chunk : null);
      }
    }, () => Buffer._fromHost(backing.read(this.fd, want,
        this.start === undefined ? -1 : this.start + this.bytesRead)));
  }
  _destroy(error, callback) {
    if (this.fd !== null && this.autoClose) {
      try {
        sync.closeSync(this.fd);
      } catch (e) {
        // closed already
      }
      this.fd = null;
      later(() => callback(error), () => undefined);
    } else {
      callback(error);
    }
  }
  close(callback) {
    this.destroy(null);
    if (callback) {
      this.once('close', callback);
    }
  }
}

class WriteStream extends require('stream').Writable {
  constructor(path, options) {
    const opts = optionsOf(options, {});
    super({ decodeStrings: true, defaultEncoding: opts.encoding || 'utf8' });
    this.path = typeof path === 'number' || path === null ? undefined : toPath(path);
    this.fd = typeof path === 'number' ? path : opts.fd === undefined ? null : opts.fd;
    this.flags = opts.flags || 'w';
    this.bytesWritten = 0;
    this.autoClose = opts.autoClose !== false;
    this.pending = true;
  }
  _construct(callback) {
    if (this.fd !== null) {
      callback();
      return;
    }
    later(error => {
      if (!error) {
        this.pending = false;
        this.emit('open', this.fd);
        this.emit('ready');
      }
      callback(error);
    }, () => {
      this.fd = sync.openSync(this.path, this.flags);
    });
  }
  _write(chunk, encoding, callback) {
    later(error => callback(error), () => {
      this.bytesWritten += sync.writeSync(this.fd, chunk);
    });
  }
  _destroy(error, callback) {
    if (this.fd !== null && this.autoClose) {
      try {
        sync.closeSync(this.fd);
      } catch (e) {
        // closed already
      }
      this.fd = null;
    }
    later(() => callback(error), () => undefined);
  }
  close(callback) {
    if (callback) {
      this.once('close', callback);
    }
    this.end();
  }
}
exports.ReadStream = ReadStream;
exports.WriteStream = WriteStream;
exports.createReadStream = (path, options) => new ReadStream(path, options);
exports.createWriteStream = (path, options) => new WriteStream(path, options);

function refuseWatch(name) {
  return function () {
    const error = new Error(`fs.${name}() is not available in lambda-bridge's in-process JavaScript`);
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  };
}
exports.watch = refuseWatch('watch');
exports.watchFile = refuseWatch('watchFile');
exports.unwatchFile = refuseWatch('unwatchFile');
Object.defineProperty(exports, 'promises', { get: () => require('fs/promises'), enumerable: true });
