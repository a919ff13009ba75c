// util/types: the checks by the values' internal tags (what Node asks V8), written here as no npm package does it
// without a dozen dependencies.
'use strict';
const tag = v => Object.prototype.toString.call(v);
const TypedArray = Object.getPrototypeOf(Uint8Array);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;
const is = name => v => v !== null && typeof v === 'object' && tag(v) === `[object ${name}]`;
const isTyped = name => v => ArrayBuffer.isView(v) && typedArrayTag.call(v) === name;

exports.isDate = v => v instanceof Date || is('Date')(v);
exports.isRegExp = v => v instanceof RegExp || is('RegExp')(v);
exports.isMap = v => v instanceof Map;
exports.isSet = v => v instanceof Set;
exports.isWeakMap = v => v instanceof WeakMap;
exports.isWeakSet = v => v instanceof WeakSet;
exports.isPromise = v => v instanceof Promise;
exports.isNativeError = v => v instanceof Error && is('Error')(v);
exports.isArrayBuffer = v => v instanceof ArrayBuffer;
exports.isSharedArrayBuffer = v => typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer;
exports.isAnyArrayBuffer = v => exports.isArrayBuffer(v) || exports.isSharedArrayBuffer(v);
exports.isArrayBufferView = v => ArrayBuffer.isView(v);
exports.isDataView = v => v instanceof DataView;
exports.isTypedArray = v => ArrayBuffer.isView(v) && typedArrayTag.call(v) !== undefined;
for (const name of ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array',
  'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
  exports['is' + name] = isTyped(name);
}
exports.isAsyncFunction = v => typeof v === 'function' && /^\[object Async(Generator)?Function\]$/.test(tag(v));
exports.isGeneratorFunction = v => typeof v === 'function' && /^\[object (Async)?GeneratorFunction\]$/.test(tag(v));
exports.isGeneratorObject = is('Generator');
exports.isMapIterator = is('Map Iterator');
exports.isSetIterator = is('Set Iterator');
exports.isArgumentsObject = is('Arguments');
exports.isNumberObject = v => v instanceof Number;
exports.isStringObject = v => v instanceof String;
exports.isBooleanObject = v => v instanceof Boolean;
exports.isBigIntObject = v => typeof v === 'object' && v !== null && is('BigInt')(v);
exports.isSymbolObject = v => typeof v === 'object' && v !== null && is('Symbol')(v);
exports.isBoxedPrimitive = v => exports.isNumberObject(v) || exports.isStringObject(v) || exports.isBooleanObject(v)
    || exports.isBigIntObject(v) || exports.isSymbolObject(v);
exports.isWeakRef = v => typeof WeakRef === 'function' && v instanceof WeakRef;
exports.isModuleNamespaceObject = is('Module');
// V8 knows proxies and external values; a script cannot tell them
exports.isProxy = () => false;
exports.isExternal = () => false;
exports.isKeyObject = v => v !== null && typeof v === 'object' && v.constructor && v.constructor.name === 'KeyObject';
exports.isCryptoKey = v => v !== null && typeof v === 'object' && v.constructor && v.constructor.name === 'CryptoKey';
