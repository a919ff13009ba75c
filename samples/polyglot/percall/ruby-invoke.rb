# One invocation of a Ruby runtime-style handler in a process of its own, for the per-invocation comparison in
# scripts/bench-polyglot (exec:ruby ../percall/ruby-invoke.rb key_count.handler, in the handler's task root):
# loads FILE.rb, reads the event (JSON) from stdin, calls METHOD(event:, context:), prints result.to_json.
# $stdout is the function's log (stderr) while the handler runs, so that stdout holds the response only.
require 'json'

file, method_name = (ARGV[0] || 'key_count.handler').split('.', 2)
Context = Struct.new(:aws_request_id, :function_name, :deadline_ms) do
  def get_remaining_time_in_millis
    deadline_ms - (Time.now.to_f * 1000).to_i
  end
end
response = $stdout
$stdout = $stderr
require File.expand_path(file)
event = JSON.parse($stdin.read)
result = send(method_name, event: event,
              context: Context.new('per-call', ENV['AWS_LAMBDA_FUNCTION_NAME'], (Time.now.to_f * 1000).to_i + 60_000))
response.write(result.to_json)
