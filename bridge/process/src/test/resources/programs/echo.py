# exec: test program: takes the event as its first argument ({event}) and does what its "mode" asks; without one it
# echoes the event, byte for byte (os.fsencode undoes the decoding of the argument).
import os
import re
import subprocess
import sys
import time

event = sys.argv[1] if len(sys.argv) > 1 else ""
match = re.search(r'"mode":"([a-z-]+)"', event)
mode = match.group(1) if match else "echo"
out = sys.stdout.buffer
if mode == "echo":
    out.write(os.fsencode(event))
elif mode == "crash":
    sys.stderr.write("python: something broke\npython: giving up\n")
    sys.exit(5)
elif mode == "hang":  # with a child: both are killed
    subprocess.Popen(["sleep", "600"])
    time.sleep(600)
elif mode == "bigout":  # 10 MiB
    chunk = b"o" * 65536
    for _ in range(160):
        out.write(chunk)
elif mode == "bigerr":  # 50 MiB on stderr, then a response
    block = (b"e" * 1023 + b"\n") * 64
    for _ in range(50 * 1024 // 64):
        sys.stderr.buffer.write(block)
    out.write(b'{"flooded":true}')
