# Test handler: answers with the event as it arrived (bridge.rb built it, the bridge's writer serializes it), or,
# for {"probe": ...}, with what Ruby sees of it, with the values a writer must get right, or with the context.
def handler(event:, context:)
  if event.is_a?(Hash) && event['probe']
    same = event.reject { |k, _| k == 'raw' } == JSON.parse(event['raw'])
    s = event['s']
    s << '!'
    return { 'sameAsParse' => same, 'string' => s, 'encoding' => s.encoding.to_s, 'keyFrozen' => event.keys.first.frozen?,
             'classes' => event.values.map { |v| v.class.name } }
  end
  if event == 'context'
    return { 'id' => context.aws_request_id, 'arn' => context.invoked_function_arn, 'memory' => context.memory_limit_in_mb,
             'identity' => context.identity, 'clientContext' => context.client_context,
             'classes' => [context.aws_request_id, context.invoked_function_arn, context.memory_limit_in_mb].map { |v| v.class.name } }
  end
  return { sym: :value, float: 1.5, big: 2**70, nil: nil, t: true, f: false, 'esc' => "a\"b\\c\n\u0001é",
           nested: [[{ 'x' => [] }], {}], 3 => 'int key', struct: Struct.new(:a).new(1) } if event == 'writer'
  event
end
