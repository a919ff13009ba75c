// node:http, node:https and fetch against a local HTTP server (SERVER_URL; CLOSED_URL has nothing listening)
const http = require('node:http');
const https = require('node:https');
const base = process.env.SERVER_URL;

function request(options, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(base + options.path, options, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, message: res.statusMessage, type: res.headers['content-type'],
        custom: res.headers['x-answer'], body: Buffer.concat(chunks).toString(), version: res.httpVersion }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) {
      req.write(body.slice(0, 3));
      req.end(body.slice(3));
    } else {
      req.end();
    }
  });
}

exports.handler = async () => {
  const out = {};
  out.get = await new Promise((resolve, reject) => http.get(base + '/json', res => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', c => { text += c; });
    res.on('end', () => resolve([res.statusCode, res.headers['content-type'], JSON.parse(text)]));
  }).on('error', reject));
  out.post = await request({ path: '/echo?q=1', method: 'POST', headers: { 'Content-Type': 'text/plain', 'X-Custom': 'yes' } }, 'posted body');
  out.notFound = await request({ path: '/status/404', method: 'GET' });
  out.refused = await new Promise(resolve => http.get(process.env.CLOSED_URL, () => resolve('answered'))
    .on('error', e => resolve([e.code, e.syscall, e.message])));
  out.agent = [typeof new http.Agent({ keepAlive: true }).destroy, typeof https.Agent, typeof https.request, http.STATUS_CODES[418],
    http.METHODS.includes('PATCH')];
  const res = await fetch(base + '/json');
  out.fetch = [res.status, res.ok, res.statusText, res.headers.get('content-type'), await res.json()];
  const echoed = await fetch(base + '/echo', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-custom': 'fetched' },
    body: JSON.stringify({ sent: true }) });
  out.fetchEcho = [echoed.status, await echoed.text()];
  const zipped = await fetch(base + '/gzip');
  out.fetchGzip = [zipped.status, await zipped.text()];
  const missing = await fetch(base + '/status/404');
  out.fetchNotFound = [missing.status, missing.ok];
  out.fetchRefused = await fetch(process.env.CLOSED_URL).then(() => 'answered', e => [e.name, e.message, e.cause && e.cause.code]);
  out.headersClass = (() => { const h = new Headers({ A: '1' }); h.append('b', '2'); return [h.get('a'), h.has('B'), [...h.keys()]]; })();
  return out;
};
