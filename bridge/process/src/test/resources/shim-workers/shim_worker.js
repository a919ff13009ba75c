// worker: test handler, an ordinary Lambda module served by the Node.js shim (preloaded through NODE_OPTIONS).
'use strict';
const { spawn } = require('child_process');

exports.handler = async (event, context) => {
  const mode = event !== null && typeof event === 'object' ? event.mode : undefined;
  switch (mode) {
    case 'pid': return { pid: process.pid };
    case 'crash':
      console.error('node worker: crashing');
      process.kill(process.pid, 'SIGKILL');
      break;
    case 'hang': // with a child: both are killed
      spawn('sleep', ['600'], { stdio: 'ignore' });
      return new Promise(() => {});
    case 'exit':
      process.stderr.write('node worker: something broke\nnode worker: giving up\n');
      process.exit(4);
      break;
    case 'bigout': { // 10 MiB of log lines on stdout
      const line = 'o'.repeat(1023) + '\n';
      for (let i = 0; i < 10 * 1024; i++) {
        process.stdout.write(line);
      }
      return { printed: 10 * 1024 };
    }
    case 'bigerr': { // 50 MiB of log lines on stderr
      const block = Buffer.from(('e'.repeat(1023) + '\n').repeat(64));
      for (let i = 0; i < 50 * 1024 / 64; i++) {
        process.stderr.write(block);
      }
      return { flooded: true };
    }
    default:
      console.error(`node worker: echo for ${context.awsRequestId}`);
      return event;
  }
};
