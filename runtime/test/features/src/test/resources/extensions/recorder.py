#!/usr/bin/env python3
# A test extension for the emulator (runtime/test/features' ExtensionsEndToEndTest): registers for INVOKE and
# SHUTDOWN, subscribes to the Telemetry API (platform and function events) with a small HTTP server of its own,
# and appends everything it receives, one JSON object per line, to the file named by EXTENSION_OUT. After an
# INVOKE it works 300 ms before asking for the next event, so the next invocation has to wait for it.
import http.server
import json
import os
import sys
import threading
import time
import urllib.request

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
OUT = open(os.environ["EXTENSION_OUT"], "a", buffering=1)
LOCK = threading.Lock()


def record(kind, payload):
    with LOCK:
        OUT.write(json.dumps({"kind": kind, "payload": payload}) + "\n")


class TelemetryReceiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        for event in json.loads(body):
            record("telemetry", event)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def call(method, path, body=None, headers=None):
    request = urllib.request.Request("http://" + API + path, data=body, method=method, headers=headers or {})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


server = http.server.HTTPServer(("127.0.0.1", 0), TelemetryReceiver)
threading.Thread(target=server.serve_forever, daemon=True).start()

headers, body = call("POST", "/2020-01-01/extension/register",
                     json.dumps({"events": ["INVOKE", "SHUTDOWN"]}).encode(),
                     {"Lambda-Extension-Name": "recorder.py"})
extension_id = headers["Lambda-Extension-Identifier"]
record("registered", json.loads(body))
subscription = {
    "schemaVersion": "2022-12-01",
    "destination": {"protocol": "HTTP", "URI": "http://sandbox.localdomain:%d/telemetry" % server.server_port},
    "types": ["platform", "function"],
    "buffering": {"timeoutMs": 25, "maxItems": 1000, "maxBytes": 262144},
}
call("PUT", "/2022-07-01/telemetry", json.dumps(subscription).encode(),
     {"Lambda-Extension-Identifier": extension_id, "Content-Type": "application/json"})
print("recorder: registered and subscribed", flush=True)

while True:
    headers, body = call("GET", "/2020-01-01/extension/event/next",
                         headers={"Lambda-Extension-Identifier": extension_id})
    event = json.loads(body)
    record("event", event)
    if event["eventType"] == "SHUTDOWN":
        time.sleep(0.1)  # telemetry sent just before SHUTDOWN may still be arriving
        OUT.close()
        sys.exit(0)
    time.sleep(0.3)
    record("done", {"requestId": event["requestId"], "atMs": int(time.time() * 1000)})
