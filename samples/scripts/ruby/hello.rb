# frozen_string_literal: true

# The classic per-invocation Ruby script (_HANDLER="exec:ruby hello.rb {event}"): takes the event JSON as its
# first argument and prints N, the number of its top-level keys (0 when there is no argument).
require 'json'

if ARGV.empty?
  puts 0
  exit
end

event = JSON.parse(ARGV[0])
abort "hello.rb: the event is not a JSON object: #{ARGV[0][0, 100]}" unless event.is_a?(Hash)
puts event.size
