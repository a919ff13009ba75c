# worker: test handler written with the Python shim (bridge/process/shims/python), found through PYTHONPATH.
import os
import subprocess
import sys
import time

import lambda_bridge


def handler(event, context):
    mode = event.get("mode") if isinstance(event, dict) else None
    if mode == "pid":
        return {"pid": os.getpid()}
    if mode == "crash":
        print("python worker: crashing", file=sys.stderr, flush=True)
        os.kill(os.getpid(), 9)
    if mode == "hang":  # with a child: both are killed
        subprocess.Popen(["sleep", "600"])
        time.sleep(600)
    if mode == "exit":
        sys.stderr.write("python worker: something broke\npython worker: giving up\n")
        sys.exit(4)
    if mode == "bigout":  # 10 MiB of log lines on stdout
        line = "o" * 1023 + "\n"
        for _ in range(10 * 1024):
            sys.stdout.write(line)
        return {"printed": 10 * 1024}
    if mode == "bigerr":  # 50 MiB of log lines on stderr
        block = (b"e" * 1023 + b"\n") * 64
        for _ in range(50 * 1024 // 64):
            sys.stderr.buffer.write(block)
        return {"flooded": True}
    print("python worker: echo for", context.aws_request_id, file=sys.stderr)
    return event


lambda_bridge.start(handler)
