# frozen_string_literal: true

# lambda-bridge Ruby shim: turns a Ruby script into a persistent lambda-bridge worker
# (_HANDLER=worker:ruby app.rb).
#
#     require 'lambda_bridge'
#     LambdaBridge.handle { |event:, context:| { result: event.size } }
#
# or with a method: `def handler(event:, context:) ... end` then `LambdaBridge.handle(:handler)`.
#
# The protocol (docs/worker-protocol.md): connect to $LAMBDA_BRIDGE_WORKER_SOCKET, send READY (or ERROR when the
# script fails before it calls LambdaBridge.handle), then answer each INVOKE with RESULT (the handler's return
# value as JSON) or ERROR ({"errorMessage","errorType","stackTrace"}). Frames travel over the socket only, so
# `puts` and `warn` go to stdout/stderr, which the bridge writes to the function's log.
#
# Exit status: 0 the bridge closed the connection between invocations; 1 the script failed to load (Ruby's own
# status for an uncaught exception, after ERROR was sent) or the connection failed; 2 misconfiguration (no
# socket, cannot connect, unsupported protocol); 3 protocol error (the bridge sent something that is not a valid
# INVOKE frame); exit inside a handler: its status, after ERROR.

require 'json'
require 'socket'

module LambdaBridge
  PROTOCOL = 1
  MAX_HEADER = 64
  # Lambda's 6 MiB request limit plus room for the context the bridge wraps around the event.
  MAX_INVOKE = 6 * 1024 * 1024 + 64 * 1024
  # Lambda's response limit (6 MiB + 100 bytes); the shim answers a larger result with an ERROR.
  MAX_RESPONSE = 6 * 1024 * 1024 + 100

  # The invocation's context, with the names of AWS's Ruby runtime (LambdaContext).
  class Context
    attr_reader :aws_request_id, :deadline_ms, :invoked_function_arn, :trace_id, :function_name,
                :function_version, :memory_limit_in_mb, :log_group_name, :log_stream_name, :client_context,
                :identity
    alias request_id aws_request_id

    # Builds the context from the INVOKE payload's "context" object; raises ArgumentError.
    def self.from_protocol(c)
      unless c.is_a?(Hash) && c['requestId'].is_a?(String) && c['deadlineMs'].is_a?(Integer)
        raise ArgumentError, 'INVOKE "context" must be an object with a string "requestId" and an integer ' \
                             "\"deadlineMs\", got #{c.to_json}"
      end
      new(c)
    end

    def initialize(c)
      @aws_request_id = c['requestId']
      @deadline_ms = c['deadlineMs']
      @invoked_function_arn = c['invokedFunctionArn'].to_s
      @trace_id = c['traceId'].to_s
      @function_name = c['functionName'].to_s
      @function_version = c['functionVersion'].to_s
      @memory_limit_in_mb = c['memoryLimitInMB'].to_i
      @log_group_name = c['logGroupName'].to_s
      @log_stream_name = c['logStreamName'].to_s
      @client_context = c['clientContext']
      @identity = c['identity']
    end

    # Milliseconds left before the deadline (negative once it has passed).
    def get_remaining_time_in_millis # rubocop:disable Naming/AccessorMethodName (AWS's name)
      @deadline_ms - Process.clock_gettime(Process::CLOCK_REALTIME, :millisecond)
    end
  end

  # The bridge sent something that is not a valid frame: the worker cannot stay in step, so it exits.
  class ProtocolError < StandardError; end

  # The framed connection to the bridge: "TYPE LENGTH\n" then exactly LENGTH bytes (String#bytesize).
  class Connection
    def self.open(path)
      new(UNIXSocket.new(path))
    rescue SystemCallError, SocketError => e
      raise IOError, "cannot connect to LAMBDA_BRIDGE_WORKER_SOCKET=#{path}: #{e.message}"
    end

    def initialize(socket)
      @socket = socket
      @socket.binmode
      @socket.sync = true
    end

    # The next frame as [type, payload], or nil when the bridge closed the connection between frames.
    def read
      header = @socket.gets("\n", MAX_HEADER)
      return nil if header.nil?

      match = /\A([A-Z]+) (0|[1-9][0-9]{0,9})\n\z/.match(header)
      unless match
        why = if header.end_with?("\n") then 'malformed frame header'
              elsif header.bytesize >= MAX_HEADER then 'frame header longer than 64 bytes'
              else 'end of stream inside a frame header'
              end
        raise ProtocolError, "#{why} (expected \"TYPE LENGTH\\n\"): #{LambdaBridge.escape(header)}"
      end
      type = match[1]
      length = match[2].to_i
      unless type == 'INVOKE'
        raise ProtocolError, "unexpected frame type #{type} (a worker only reads INVOKE): #{LambdaBridge.escape(header)}"
      end
      raise ProtocolError, "INVOKE of #{length} bytes is over the limit of #{MAX_INVOKE} bytes" if length > MAX_INVOKE

      payload = @socket.read(length) || ''.b # IO#read(n) loops until n bytes or the end of the stream
      if payload.bytesize < length
        raise ProtocolError, "end of stream inside an INVOKE frame: got #{payload.bytesize} of #{length} bytes"
      end

      [type, payload]
    end

    def write(type, payload)
      @socket.write("#{type} #{payload.bytesize}\n", payload)
    rescue SystemCallError, IOError => e
      raise IOError, "cannot send a #{type} frame to the bridge: #{e.message}"
    end
  end

  class << self
    # Serves invocations with the handler until the bridge closes the connection: a block or callable taking
    # (event:, context:) keywords (as AWS's Ruby runtime) or (event, context) positionally, or the name of a
    # top-level method. The event is the event JSON parsed (objects as Hashes with String keys); the return
    # value is encoded with JSON.generate; an exception becomes the invocation's error.
    def handle(handler = nil, &block)
      raise ArgumentError, 'LambdaBridge.handle was already called' if @started

      callable = resolve(handler, block) # a bad handler raises here: reported by on_exit as the init error
      @started = true
      connection = connect
      connection.write('READY', JSON.generate({ protocol: PROTOCOL, shim: 'ruby' }))
      while (frame = connection.read)
        connection.write(*invoke(callable, frame[1]))
        @in_flight = nil
      end
      exit 0
    rescue ProtocolError => e
      fail_with(3, "protocol error: #{e.message}")
    rescue IOError, SystemCallError => e
      fail_with(1, e.message)
    end

    # {"errorMessage","errorType","stackTrace"} of an exception, its causes as "Caused by" lines.
    def error_of(exception)
      trace = []
      e = exception
      seen = 0
      while e && seen < 10
        trace << "Caused by: #{e.class}: #{e.message}" if seen.positive?
        trace.concat(e.backtrace || [])
        e = e.cause
        seen += 1
      end
      { errorMessage: exception.message, errorType: exception.class.name || exception.class.inspect,
        stackTrace: trace }
    end

    # Bytes shown for a message: printable ASCII as is, the rest escaped, cut to 100 bytes.
    def escape(bytes)
      shown = bytes.b[0, 100].inspect
      bytes.bytesize > 100 ? "#{shown}... (#{bytes.bytesize} bytes)" : shown
    end

    # at_exit hook, registered when the shim is required: reports a script that failed or ended before calling
    # LambdaBridge.handle (ERROR before READY), and an exit during an invocation.
    def on_exit(exception)
      if !@started
        report_init_error(init_error(exception))
      elsif @in_flight && @connection
        error = { errorMessage: "the handler exited (#{exception.inspect}) during invocation #{@in_flight}",
                  errorType: 'Runtime.ExitError', stackTrace: exception&.backtrace || [] }
        @in_flight = nil
        begin
          @connection.write('ERROR', encode_error(error))
        rescue IOError
          nil # the bridge reports the exit itself
        end
      end
    end

    private

    def resolve(handler, block)
      callable = block || handler
      callable = TOPLEVEL_BINDING.receiver.method(callable) if callable.is_a?(Symbol) || callable.is_a?(String)
      unless callable.respond_to?(:call)
        raise ArgumentError, "LambdaBridge.handle needs a block, a callable or a method name, got #{handler.inspect}"
      end

      callable
    end

    def invoke(callable, payload)
      begin
        request = JSON.parse(payload.force_encoding(Encoding::UTF_8), max_nesting: 512)
        raise ArgumentError, 'INVOKE payload must be an object with "context" and "event"' unless
          request.is_a?(Hash) && request.key?('event')

        context = Context.from_protocol(request['context'])
      rescue JSON::ParserError, ArgumentError, EncodingError => e
        return ['ERROR', encode_error({ errorMessage: "cannot decode the INVOKE payload: #{e.message}",
                                        errorType: 'Runtime.UnmarshalError', stackTrace: [] })]
      end
      @in_flight = context.aws_request_id
      ENV['_X_AMZN_TRACE_ID'] = context.trace_id.empty? ? nil : context.trace_id
      begin
        result = call(callable, request['event'], context)
      rescue SystemExit, SignalException
        raise
      rescue Exception => e # rubocop:disable Lint/RescueException (SystemStackError, NoMemoryError, ScriptError too)
        return ['ERROR', encode_error(error_of(e))]
      end
      encode_result(result)
    end

    # Calls with the keywords the callable declares (event:, context:), else positionally with as many of
    # (event, context) as it takes.
    def call(callable, event, context)
      target = callable.is_a?(Proc) || callable.is_a?(Method) ? callable : callable.method(:call)
      params = target.parameters
      keyrest = params.any? { |kind, _| kind == :keyrest }
      keywords = params.filter_map { |kind, name| name if %i[key keyreq].include?(kind) }
      if keyrest || keywords.include?(:event) || keywords.include?(:context)
        args = { event: event, context: context }
        args.select! { |name, _| keywords.include?(name) } unless keyrest
        return callable.call(**args)
      end
      positional = params.count { |kind, _| %i[req opt].include?(kind) }
      loose = target.is_a?(Proc) && !target.lambda? # a block takes any number of arguments
      return callable.call(event, context) if loose || positional >= 2 || params.any? { |kind, _| kind == :rest }

      positional.zero? ? callable.call : callable.call(event)
    end

    def encode_result(result)
      json = JSON.generate(result, max_nesting: 512)
      if json.bytesize > MAX_RESPONSE
        return ['ERROR', encode_error({ errorMessage: "Response payload size (#{json.bytesize} bytes) exceeded " \
                                                      "maximum allowed payload size (#{MAX_RESPONSE} bytes).",
                                        errorType: 'Function.ResponseSizeTooLarge', stackTrace: [] })]
      end
      ['RESULT', json]
    rescue JSON::GeneratorError, EncodingError, SystemStackError => e
      ['ERROR', encode_error({ errorMessage: "cannot encode the handler's return value (#{result.class}) as JSON: " \
                                             "#{e.message}", errorType: 'Runtime.MarshalError', stackTrace: [] })]
    end

    def encode_error(error)
      JSON.generate(error)
    rescue JSON::GeneratorError, EncodingError
      JSON.generate(error.transform_values do |v|
        v.is_a?(Array) ? v.map { |s| s.to_s.scrub('?') } : v.to_s.scrub('?')
      end)
    end

    def init_error(exception)
      if exception.nil? || (exception.is_a?(SystemExit) && exception.success?)
        return { errorMessage: "#{File.basename($PROGRAM_NAME)} ended without calling LambdaBridge.handle",
                 errorType: 'Runtime.HandlerNotFound', stackTrace: [] }
      end
      if exception.is_a?(SystemExit)
        return { errorMessage: "#{File.basename($PROGRAM_NAME)} exited with status #{exception.status} before " \
                               'calling LambdaBridge.handle', errorType: 'Runtime.ExitError', stackTrace: [] }
      end
      error_of(exception)
    end

    def report_init_error(error)
      @started = true # report once
      return if ENV['LAMBDA_BRIDGE_WORKER_SOCKET'].to_s.empty? # not started by the bridge: Ruby reports as usual

      connect.write('ERROR', encode_error(error))
    rescue IOError => e
      warn "lambda-bridge Ruby shim: #{e.message}"
    end

    def connect
      return @connection if @connection

      path = ENV['LAMBDA_BRIDGE_WORKER_SOCKET'].to_s
      if path.empty?
        fail_with(2, 'LAMBDA_BRIDGE_WORKER_SOCKET is not set: this script is a lambda-bridge worker, run it with ' \
                     "_HANDLER=\"worker:ruby #{File.basename($PROGRAM_NAME)}\" (see docs/worker-protocol.md)")
      end
      protocol = ENV['LAMBDA_BRIDGE_PROTOCOL'].to_s
      unless protocol.empty? || protocol == PROTOCOL.to_s
        fail_with(2, "LAMBDA_BRIDGE_PROTOCOL=#{protocol} is not supported by this shim (it speaks protocol 1)")
      end
      @connection = Connection.open(path)
    rescue IOError => e
      fail_with(2, e.message)
    end

    def fail_with(status, message)
      warn "lambda-bridge Ruby shim: #{message}"
      @in_flight = nil
      exit!(status) # no at_exit hooks: the message above says it all
    end
  end
end

# Handler output goes to the log at once, line by line, not when a buffer fills.
$stdout.sync = true
$stderr.sync = true
at_exit { LambdaBridge.on_exit($!) }
