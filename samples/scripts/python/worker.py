# The same program as a persistent worker (_HANDLER="worker:python3 worker.py"), written against the Python shim
# (bridge/process/shims/python, on PYTHONPATH under the bridge): returns {"result": N}, N the number of the event's
# top-level keys.
import json

import lambda_bridge


def handler(event, context):
    if not isinstance(event, dict):
        raise TypeError("the event is not a JSON object: %s" % json.dumps(event)[:100])
    return {"result": len(event)}


lambda_bridge.start(handler)
