# frozen_string_literal: true

# The same script as a persistent worker (_HANDLER="worker:ruby worker.rb"), written against the Ruby shim
# (bridge/process/shims/ruby): returns {"result": N}, N the number of the event's top-level keys.
require 'lambda_bridge'

def handler(event:, context:) # rubocop:disable Lint/UnusedMethodArgument
  raise ArgumentError, "the event is not a JSON object: #{event.to_json[0, 100]}" unless event.is_a?(Hash)

  { result: event.size }
end

LambdaBridge.handle(:handler)
