# State across invocations, with a class method handler: class variables live as long as the runtime's process,
# so the count goes up by one per invocation until the next cold start.
# Handler string: ruby:counter.Counter::Handler.call
module Counter
  class Handler
    @invocations = 0
    @started_at = Time.now.utc.strftime('%Y-%m-%dT%H:%M:%S.%LZ')

    def self.call(event:, context:)
      @invocations += 1
      { invocations: @invocations, startedAt: @started_at, requestId: context.aws_request_id }
    end
  end
end
