# exec: test program: takes the event as its first argument ({event}) and does what its "mode" asks; without
# one it echoes the event.
event = ARGV[0] || ''
mode = event[/"mode":"([a-z-]+)"/, 1] || 'echo'
case mode
when 'echo' then $stdout.write(event)
when 'crash'
  warn 'ruby: something broke'
  exit 4
when 'hang' # with a child, which must be killed too
  spawn('sleep', '600')
  sleep 600
when 'background' # a child that keeps stdout open after this program exits
  spawn('sleep', '600')
  $stdout.write('{"ok":true}')
when 'text' then puts 'hello, text'
when 'argc' then $stdout.write(ARGV.size.to_s)
end
