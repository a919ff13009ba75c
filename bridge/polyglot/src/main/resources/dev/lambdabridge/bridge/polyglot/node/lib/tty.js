// tty: there is no terminal in Lambda: isatty is false for every descriptor.
'use strict';
exports.isatty = () => false;
function noTerminal() {
  const error = new Error('There is no terminal in Lambda: tty streams are not available');
  error.code = 'ERR_NOT_SUPPORTED';
  throw error;
}
exports.ReadStream = class ReadStream {
  constructor() {
    noTerminal();
  }
};
exports.WriteStream = class WriteStream {
  constructor() {
    noTerminal();
  }
};
