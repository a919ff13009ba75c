// node:fs and node:fs/promises in /tmp: sync, callback and promise forms, streams, and Node's errors
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');
exports.handler = async () => {
  const dir = '/tmp/lambda-bridge-compat-fs';
  fs.rmSync(dir, { recursive: true, force: true });
  const out = {};
  out.mkdir = fs.mkdirSync(path.join(dir, 'a/b'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'a/file.txt'), 'hello');
  fs.appendFileSync(path.join(dir, 'a/file.txt'), ' world');
  out.read = [fs.readFileSync(path.join(dir, 'a/file.txt'), 'utf8'), fs.readFileSync(path.join(dir, 'a/file.txt')).length,
    fs.readFileSync(path.join(dir, 'a/file.txt'), { encoding: 'base64' })];
  const stat = fs.statSync(path.join(dir, 'a/file.txt'));
  out.stat = [stat.size, stat.isFile(), stat.isDirectory(), fs.statSync(dir).isDirectory(), stat.mtime instanceof Date,
    fs.statSync(path.join(dir, 'missing'), { throwIfNoEntry: false })];
  out.readdir = [fs.readdirSync(path.join(dir, 'a')), fs.readdirSync(path.join(dir, 'a'), { withFileTypes: true }).map(d => [d.name, d.isFile(), d.isDirectory()])];
  out.exists = [fs.existsSync(path.join(dir, 'a/file.txt')), fs.existsSync(path.join(dir, 'nope'))];
  fs.copyFileSync(path.join(dir, 'a/file.txt'), path.join(dir, 'copy.txt'));
  fs.renameSync(path.join(dir, 'copy.txt'), path.join(dir, 'moved.txt'));
  out.moved = fs.readFileSync(path.join(dir, 'moved.txt'), 'utf8');
  const errors = {};
  const attempts = {
    readMissing: () => fs.readFileSync(path.join(dir, 'missing.txt')),
    readDir: () => fs.readFileSync(dir),
    mkdirExisting: () => fs.mkdirSync(path.join(dir, 'a')),
    rmdirNotEmpty: () => fs.rmdirSync(path.join(dir, 'a')),
    unlinkMissing: () => fs.unlinkSync(path.join(dir, 'missing.txt')),
    readdirFile: () => fs.readdirSync(path.join(dir, 'moved.txt')),
    statMissing: () => fs.statSync(path.join(dir, 'nothing')),
  };
  for (const [name, attempt] of Object.entries(attempts)) {
    try {
      attempt();
      errors[name] = 'no error';
    } catch (e) {
      errors[name] = [e.code, e.errno, e.syscall, e.message, e.path === undefined ? 'no path' : e.path];
    }
  }
  out.errors = errors;
  out.callback = await new Promise(r => fs.readFile(path.join(dir, 'moved.txt'), 'utf8', (err, data) => r([err, data])));
  out.callbackError = await new Promise(r => fs.stat(path.join(dir, 'x'), err => r(err.code)));
  out.existsCallback = await new Promise(r => fs.exists(dir, r));
  await fsp.writeFile(path.join(dir, 'p.json'), JSON.stringify({ p: 1 }));
  out.promises = [JSON.parse(await fsp.readFile(path.join(dir, 'p.json'), 'utf8')), (await fsp.readdir(dir)).sort(),
    (await fsp.stat(path.join(dir, 'p.json'))).size, await fsp.access(path.join(dir, 'p.json')),
    await fsp.readFile(path.join(dir, 'none')).catch(e => e.code)];
  await new Promise((resolve, reject) => {
    const w = fs.createWriteStream(path.join(dir, 'stream.txt'));
    w.write('line 1\n');
    w.end('line 2\n');
    w.on('finish', resolve).on('error', reject);
  });
  const chunks = [];
  await new Promise((resolve, reject) => fs.createReadStream(path.join(dir, 'stream.txt'), { encoding: 'utf8', highWaterMark: 4 })
    .on('data', c => chunks.push(c)).on('end', resolve).on('error', reject));
  out.streams = [chunks.join(''), chunks.length];
  out.partial = await new Promise(r => {
    const parts = [];
    fs.createReadStream(path.join(dir, 'stream.txt'), { start: 2, end: 5 }).on('data', c => parts.push(c.toString())).on('end', () => r(parts.join('')));
  });
  const fd = fs.openSync(path.join(dir, 'fd.txt'), 'w');
  fs.writeSync(fd, 'via fd');
  fs.closeSync(fd);
  const rfd = fs.openSync(path.join(dir, 'fd.txt'), 'r');
  const buffer = Buffer.alloc(3);
  out.fd = [fs.readSync(rfd, buffer, 0, 3, 4), buffer.toString()];
  fs.closeSync(rfd);
  fs.rmSync(dir, { recursive: true });
  out.removed = fs.existsSync(dir);
  return out;
};
