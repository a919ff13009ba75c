# The classic article's key count, as a Ruby runtime handler: {"result": N}, N = the event's top-level keys.
# Handler string: ruby:key_count.handler
require 'json'

def handler(event:, context:)
  keys = event.is_a?(Hash) ? event.size : 0
  puts "event has #{keys} keys"
  { result: keys }
end
