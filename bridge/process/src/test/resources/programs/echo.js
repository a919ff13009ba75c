// exec: test program: reads the event from stdin and does what its "mode" asks; without one it echoes the event,
// byte for byte.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');

const event = fs.readFileSync(0);
const match = /"mode":"([a-z-]+)"/.exec(event.toString('utf8'));
const mode = match ? match[1] : 'echo';
switch (mode) {
  case 'echo':
    process.stdout.write(event);
    break;
  case 'crash':
    process.stderr.write('node: something broke\nnode: giving up\n');
    process.exit(5);
    break;
  case 'hang': // with a child: both are killed
    spawn('sleep', ['600'], { stdio: 'ignore' });
    setTimeout(() => {}, 600_000);
    break;
  case 'bigout': // 10 MiB
    for (let i = 0; i < 160; i++) {
      process.stdout.write(Buffer.alloc(65536, 'o'));
    }
    break;
  case 'bigerr': { // 50 MiB on stderr, then a response
    const block = Buffer.from(('e'.repeat(1023) + '\n').repeat(64));
    for (let i = 0; i < 50 * 1024 / 64; i++) {
      process.stderr.write(block);
    }
    process.stdout.write('{"flooded":true}');
    break;
  }
  default:
    break;
}
