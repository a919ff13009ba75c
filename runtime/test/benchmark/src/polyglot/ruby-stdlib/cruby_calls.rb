# usage: ruby cruby_calls.rb HANDLER_FILE EVENT_FILE WARMUP N
# CRuby's in-process cost of one warm invocation, as AWS's Ruby runtime client spends it around the handler
# (JSON.parse of the event, the handler call with keyword arguments, to_json of the result), without the
# Runtime API round trip: the counterpart of WarmCalls for the bridge. Prints median_us=... p99_us=...
require 'json'
handler_file, event_file, warmup, n = ARGV
require File.expand_path(handler_file)
event_json = File.read(event_file)
context = Object.new
call = -> { handler(event: JSON.parse(event_json), context: context).to_json }
Integer(warmup).times { call.call }
times = Array.new(Integer(n)) do
  started = Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond)
  call.call
  (Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond) - started) / 1000.0
end.sort
puts format('median_us=%.1f p99_us=%.1f', times[times.size / 2], times[(times.size * 99) / 100])
