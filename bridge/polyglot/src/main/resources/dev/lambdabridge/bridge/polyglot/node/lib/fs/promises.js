// fs/promises: fs's operations as promises, settled in the event loop's I/O phase, and FileHandle.
'use strict';
const fs = require('fs');
const { Buffer } = require('buffer');

function promised(syncFn) {
  return (...args) => new Promise((resolve, reject) => {
    let result;
    let error = null;
    try {
      result = syncFn(...args);
    } catch (e) {
      error = e;
    }
    require('internal/io').post(() => (error ? reject(error) : resolve(result)));
  });
}

for (const name of ['readFile', 'writeFile', 'appendFile', 'stat', 'lstat', 'readdir', 'mkdir', 'rm', 'rmdir',
  'unlink', 'rename', 'copyFile', 'cp', 'access', 'realpath', 'readlink', 'symlink', 'chmod', 'truncate', 'mkdtemp',
  'utimes', 'chown', 'lchown']) {
  exports[name] = promised(fs[name + 'Sync']);
}
exports.exists = undefined;
delete exports.exists;
exports.constants = fs.constants;

class FileHandle {
  constructor(fd) {
    this.fd = fd;
  }
  read(buffer, offset, length, position) {
    if (buffer === undefined || (buffer !== null && !ArrayBuffer.isView(buffer))) {
      const options = buffer || {};
      buffer = options.buffer || Buffer.alloc(16384);
      ({ offset = 0, length = buffer.byteLength, position = null } = options);
    }
    return promised(() => ({ bytesRead: fs.readSync(this.fd, buffer, offset, length, position), buffer }))();
  }
  write(data, ...rest) {
    return promised(() => ({ bytesWritten: fs.writeSync(this.fd, data, ...rest), buffer: data }))();
  }
  readFile(options) {
    return promised(() => fs.readFileSync(this.fd, options))();
  }
  writeFile(data, options) {
    return promised(() => fs.writeFileSync(this.fd, data, options))();
  }
  appendFile(data, options) {
    return this.writeFile(data, options);
  }
  stat() {
    return promised(() => fs.fstatSync(this.fd))();
  }
  sync() {
    return Promise.resolve();
  }
  datasync() {
    return Promise.resolve();
  }
  close() {
    return promised(() => {
      if (this.fd !== -1) {
        fs.closeSync(this.fd);
        this.fd = -1;
      }
    })();
  }
  createReadStream(options) {
    return fs.createReadStream(null, Object.assign({}, options, { fd: this.fd }));
  }
  createWriteStream(options) {
    return fs.createWriteStream(null, Object.assign({}, options, { fd: this.fd }));
  }
  [Symbol.asyncDispose || Symbol.for('Symbol.asyncDispose')]() {
    return this.close();
  }
}
exports.FileHandle = FileHandle;
exports.open = (path, flags = 'r') => promised(() => new FileHandle(fs.openSync(path, flags)))();
