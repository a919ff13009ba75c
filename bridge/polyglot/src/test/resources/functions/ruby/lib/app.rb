require 'json'

module App
  class Handler
    @calls = 0

    def self.call(event:, context:)
      @calls += 1
      case event['action']
      when 'raise' then raise ArgumentError, "bad #{event['what']}"
      when 'spawn' then { out: `echo hi` }
      when 'java' then { type: Java.type('java.lang.System').to_s }
      when 'read' then { text: File.read('/etc/hostname') }
      when 'thread' then { value: Thread.new { 41 + 1 }.value }
      when 'spin' then loop {}
      else
        puts "call #{@calls} for #{context.aws_request_id}"
        { calls: @calls, keys: event.size, name: context.function_name,
          remaining: context.get_remaining_time_in_millis.positive?, json: JSON.generate('a' => 1) }
      end
    end
  end
end
