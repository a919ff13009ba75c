// url: the legacy parse/format/resolve from the npm package url (Node's, bundled as vendor/url), URL and
// URLSearchParams from whatwg-url, and the file: URL helpers (written here: a few lines on URL).
'use strict';
const legacy = require('vendor/url');
const { URL, URLSearchParams } = require('internal/whatwg-url');
const path = require('path');

exports.parse = legacy.parse;
exports.format = function format(value, options) {
  if (value instanceof URL) {
    const opts = Object.assign({ auth: true, fragment: true, search: true, unicode: false }, options);
    let text = value.protocol + (value.host || value.protocol === 'file:' ? '//' : '');
    if (opts.auth && (value.username || value.password)) {
      text += value.username + (value.password ? ':' + value.password : '') + '@';
    }
    text += (opts.unicode ? exports.domainToUnicode(value.hostname) : value.hostname) + (value.port ? ':' + value.port : '');
    text += value.pathname + (opts.search ? value.search : '') + (opts.fragment ? value.hash : '');
    return text;
  }
  return legacy.format(value);
};
exports.resolve = legacy.resolve;
exports.resolveObject = legacy.resolveObject;
exports.Url = legacy.Url;
exports.URL = URL;
exports.URLSearchParams = URLSearchParams;
exports.domainToASCII = domain => {
  try {
    return new URL('ws://' + domain).hostname;
  } catch (e) {
    return '';
  }
};
exports.domainToUnicode = domain => require('punycode').toUnicode(String(domain));

function invalidFileUrl(message) {
  const error = new TypeError(message);
  error.code = 'ERR_INVALID_FILE_URL_PATH';
  return error;
}

exports.fileURLToPath = function fileURLToPath(value) {
  const url = typeof value === 'string' ? new URL(value) : value;
  if (!(url instanceof URL) && !(url && typeof url.href === 'string')) {
    const error = new TypeError('The "path" argument must be of type string or an instance of URL. Received '
        + (url === null ? 'null' : typeof url));
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
  if (url.protocol !== 'file:') {
    const error = new TypeError('The URL must be of scheme file');
    error.code = 'ERR_INVALID_URL_SCHEME';
    throw error;
  }
  if (url.hostname !== '') {
    const error = new TypeError(`File URL host must be "localhost" or empty on linux`);
    error.code = 'ERR_INVALID_FILE_URL_HOST';
    throw error;
  }
  const pathname = url.pathname;
  if (/%2f/i.test(pathname)) {
    throw invalidFileUrl('File URL path must not include encoded / characters');
  }
  return decodeURIComponent(pathname);
};

exports.pathToFileURL = function pathToFileURL(filepath) {
  let resolved = path.resolve(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) {
    resolved += '/';
  }
  const url = new URL('file://');
  url.pathname = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D')
      .replace(/\t/g, '%09');
  return url;
};

exports.urlToHttpOptions = function urlToHttpOptions(url) {
  const options = {
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') {
    options.port = Number(url.port);
  }
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
};
