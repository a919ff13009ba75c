# The soak's exec: Ruby program: the event as its first argument, the answer on stdout.
require 'json'
event = JSON.parse(ARGV[0])
nonce = event['nonce']
fault = event['fault']
case fault
when 'ok'
when 'exit'
  warn "soak: exit 1 for #{nonce}"
  exit 1
when 'timeout'
  sleep 600
when 'garbage-stdout'
  $stdout.write("\xff\xfe\xc3\x28 not UTF-8 #{nonce}".b)
  exit 0
when 'stderr-flood'
  line = ('flood ' * 20) + nonce
  2000.times { $stderr.puts line }
when 'slow'
  left = ENV['LAMBDA_DEADLINE_MS'].to_i - (Time.now.to_f * 1000).to_i - (event['lead'] || 900).to_i
  sleep(left / 1000.0) if left > 0
else
  warn "unknown fault #{fault}"
  exit 2
end
print JSON.generate({ 'nonce' => nonce, 'fault' => fault })
