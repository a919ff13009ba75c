"""Calls the emulator's Lambda API with boto3 (Debian's python3-boto3) and prints what botocore reports, as one
JSON object: AwsClientsTest asserts on it. Usage: /usr/bin/python3 boto3_checks.py ENDPOINT FUNCTION"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, function = sys.argv[1], sys.argv[2]
client = boto3.client("lambda", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="key",
                      aws_secret_access_key="secret", config=Config(retries={"max_attempts": 1}))
seen = {}


def error(name, call):
    try:
        call()
        seen[name] = {"raised": False}
    except ClientError as e:
        seen[name] = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                      "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


def invoke(name, **kwargs):
    response = client.invoke(FunctionName=function, **kwargs)
    seen[name] = {"status": response["StatusCode"], "executedVersion": response.get("ExecutedVersion"),
                  "functionError": response.get("FunctionError"), "payload": response["Payload"].read().decode()}


invoke("sync", Payload=b'{"boto3":true}')
invoke("event", InvocationType="Event", Payload=b'"' + b"a" * (300 * 1024) + b'"')
invoke("dryRun", InvocationType="DryRun", Payload=b"{}")
error("syncTooLarge", lambda: client.invoke(FunctionName=function, Payload=b'"' + b"a" * (6 * 1024 * 1024) + b'"'))
error("eventTooLarge", lambda: client.invoke(FunctionName=function, InvocationType="Event",
                                             Payload=b'"' + b"a" * (1024 * 1024) + b'"'))
error("unknownQualifier", lambda: client.invoke(FunctionName=function, Qualifier="nosuchalias", Payload=b"{}"))
error("qualifiedName", lambda: client.invoke(FunctionName=function + ":nosuchalias", Payload=b"{}"))
error("unknownFunction", lambda: client.get_function(FunctionName="nope"))
error("notJson", lambda: client.invoke(FunctionName=function, Payload=b"not json"))

pages = [page for page in client.get_paginator("list_functions").paginate(PaginationConfig={"PageSize": 1})]
seen["listPages"] = [[f["FunctionName"] for f in page["Functions"]] for page in pages]
seen["listOnce"] = [f["FunctionName"] for f in client.list_functions()["Functions"]]
configuration = client.get_function(FunctionName=function)["Configuration"]
seen["getFunction"] = {key: configuration.get(key) for key in ("FunctionName", "FunctionArn", "Runtime", "Handler",
                                                                "Timeout", "MemorySize", "Version", "State")}
seen["getConfiguration"] = client.get_function_configuration(FunctionName=function, Qualifier="$LATEST")["FunctionArn"]
print(json.dumps(seen))
