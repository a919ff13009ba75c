#!/bin/sh
# An RIE-style invoke, as scripts written for AWS's runtime interface emulator call it: the port, path and
# function name are RIE's. RieCurlScriptTest runs this file as it is against scripts' `rie` mode.
curl -s -XPOST "http://localhost:8080/2015-03-31/functions/function/invocations" -d '{}'
