# The classic per-invocation program in Python (_HANDLER="exec:python3 hello.py"): reads the event JSON from stdin
# and prints {"result":N}, N the number of the event's top-level keys.
import json
import sys

try:
    event = json.load(sys.stdin)
except ValueError as e:
    sys.exit("hello.py: the event on stdin is not valid JSON: %s" % e)
if not isinstance(event, dict):
    sys.exit("hello.py: the event on stdin is not a JSON object")
print(json.dumps({"result": len(event)}, separators=(",", ":")))
