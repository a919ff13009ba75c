# worker: an unmodified Lambda module, served with python3 -m lambda_bridge plain_module.handler.
def handler(event, context):
    return {"keys": len(event), "module": __name__, "requestId": context.aws_request_id}
