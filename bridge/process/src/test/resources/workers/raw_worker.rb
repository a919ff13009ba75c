# A worker that speaks docs/worker-protocol.md with raw frames (no shim), for the bridge's tests.
#
#   ruby raw_worker.rb [MODE]
# MODE (how it starts): ready (default), exit-at-init (stderr lines, exit 3), silent (connects, never READY),
# error-at-init (ERROR frame, exit 1), no-connect (exits 0 without connecting), bad-ready (garbage header).
# Each INVOKE is answered by what its event asks for: {"do":"<action>", ...}; without "do" the event's bytes
# come back as the RESULT, exactly as they arrived.
require 'socket'
require 'json'

$stdout.sync = true
$stderr.sync = true
mode = ARGV[0] || 'ready'

def frame(sock, type, payload)
  payload = payload.b
  sock.write("#{type} #{payload.bytesize}\n", payload)
end

if mode == 'exit-at-init'
  warn 'raw worker: loading failed'
  warn 'raw worker: giving up'
  exit 3
end
exit 0 if mode == 'no-connect'

sock = UNIXSocket.new(ENV.fetch('LAMBDA_BRIDGE_WORKER_SOCKET'))
sock.binmode
case mode
when 'silent' then sleep 600
when 'error-at-init'
  frame(sock, 'ERROR', JSON.generate(errorMessage: 'cannot load handler.rb', errorType: 'LoadError',
                                     stackTrace: ['handler.rb:1:in `require`']))
  exit 1
when 'bad-ready'
  sock.write("READY 007\n{}")
  sleep 600
end
frame(sock, 'READY', JSON.generate(protocol: 1, shim: 'raw-ruby'))
puts 'raw worker: ready' # stdout goes to the log

loop do
  header = sock.gets("\n", 64)
  exit 0 if header.nil?
  type, length = header.split(' ')
  payload = sock.read(length.to_i)
  event_raw = payload[payload.index('},"event":') + 10...-1]
  event = JSON.parse(event_raw) rescue nil
  action = event.is_a?(Hash) ? event['do'] : nil
  case action
  when nil then frame(sock, 'RESULT', event_raw)
  when 'context' then frame(sock, 'RESULT', JSON.generate(JSON.parse(payload)['context'].merge('pid' => Process.pid,
                                                           'env' => ENV.select { |k, _| k.start_with?('LAMBDA_', 'RUBYLIB', 'PHP_INI') })))
  when 'pid' then frame(sock, 'RESULT', JSON.generate(pid: Process.pid))
  when 'log'
    puts "to stdout: #{event['text']}"
    warn "to stderr: #{event['text']}"
    frame(sock, 'RESULT', '{"logged":true}')
  when 'error'
    frame(sock, 'ERROR', JSON.generate(errorMessage: event['message'], errorType: 'Custom.Failure',
                                       stackTrace: ['raw_worker.rb:42:in `handle`', 'raw_worker.rb:50']))
  when 'crash'
    warn 'raw worker: about to crash'
    warn 'raw worker: bye'
    exit! 7
  when 'hang'
    spawn('sleep', '600') if event['child'] # a descendant that must die with the worker
    sleep 600
  when 'big-result'
    size = event['mb'] * 1024 * 1024
    sock.write("RESULT #{size}\n")
    chunk = 'x' * 65_536
    (size / chunk.bytesize).times { sock.write(chunk) }
  when 'flood-stderr'
    line = 'e' * 1023
    (event['mb'] * 1024).times { $stderr.write(line, "\n") }
    frame(sock, 'RESULT', '{"flooded":true}')
  when 'garbage' then sock.write("HELLO THERE\n")
  when 'unknown-type' then frame(sock, 'BANANA', 'x')
  when 'truncated'
    sock.write("RESULT 100\nonly this")
    sock.close
    sleep 600
  when 'close' # closes the connection but stays alive
    sock.close
    sleep 600
  when 'answer-then-close' # answers, then closes its end of the connection and stays alive
    frame(sock, 'RESULT', '{"closing":true}')
    sock.close
    sleep 600
  when 'error-then-exit' # as a shim after a fatal error: answers ERROR, exits a moment later, reading nothing more
    frame(sock, 'ERROR', JSON.generate(errorMessage: 'fatal', errorType: 'E_ERROR', stackTrace: []))
    sleep 0.3
    exit! 255
  when 'extra' # answers, then sends bytes nobody asked for
    frame(sock, 'RESULT', '{"first":true}')
    sock.write("RESULT 2\n{}")
  end
end
