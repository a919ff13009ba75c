# worker: test handler written with the Ruby shim (bridge/process/shims/ruby), found through RUBYLIB.
require 'lambda_bridge'

LambdaBridge.handle do |event:, context:|
  case event['mode']
  when 'crash'
    warn 'ruby worker: crashing'
    Process.kill(:KILL, Process.pid)
  when 'hang' then sleep 600
  when 'pid' then next({ pid: Process.pid })
  end
  warn "ruby worker: echo for #{context.aws_request_id}"
  { echo: event['text'] }
end
