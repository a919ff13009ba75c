# lambda-bridge's Ruby side: evaluated once in each context before the function's file.
# It gives the guest the Ruby runtime's context object, calls the handler with keyword arguments, and parses
# events and serializes results (to_json) and errors in the guest, so that no host (Java) object reaches the
# function's code. Its value is the LambdaBridge module the Java side calls.
require 'json'

$stdout.sync = true
$stderr.sync = true

module LambdaBridge
  # The context of the managed Ruby runtime (aws_lambda_ric's LambdaContext), same readers.
  class LambdaContext
    attr_reader :aws_request_id, :invoked_function_arn, :log_group_name, :log_stream_name, :function_name,
                :memory_limit_in_mb, :function_version, :identity, :client_context, :deadline_ms

    def initialize(request_id, arn, deadline_ms, function_name, function_version, memory, log_group, log_stream,
                   identity_json, client_context_json)
      @aws_request_id = request_id
      @invoked_function_arn = arn
      @deadline_ms = deadline_ms
      @function_name = function_name
      @function_version = function_version
      @memory_limit_in_mb = memory.to_s
      @log_group_name = log_group
      @log_stream_name = log_stream
      @identity = identity_json.nil? || identity_json.empty? ? nil : JSON.parse(identity_json)
      @client_context = client_context_json.nil? || client_context_json.empty? ? nil : JSON.parse(client_context_json)
    end

    def get_remaining_time_in_millis
      [@deadline_ms - (Time.now.to_f * 1000).to_i, 0].max
    end
  end

  @handler = nil

  # Without native access (host access closed), TruffleRuby's ENV cannot call getenv: ENV becomes a Hash of the
  # process environment as the runtime started with it (what a Lambda function reads: its configuration).
  def self.snapshot_env(env_json)
    env = JSON.parse(env_json)
    Object.send(:remove_const, :ENV)
    Object.const_set(:ENV, env)
    nil
  end

  # Loads the function's file and finds its handler; returns nil, or the [errorType, message, *backtrace] of
  # the failure, as the Ruby runtime reports init errors (Init<Class>).
  def self.load_handler(task_root, file, constant, method_name)
    $LOAD_PATH.unshift(task_root) unless $LOAD_PATH.include?(task_root)
    path = File.join(task_root, file + '.rb')
    begin
      require path
      receiver = constant.nil? ? TOPLEVEL_BINDING.receiver : Object.const_get(constant)
      @handler = receiver.method(method_name)
      nil
    rescue NameError => e
      ["Runtime.HandlerNotFound", "#{file}.#{constant.nil? ? '' : constant + '.'}#{method_name}: #{e.message}"]
    rescue Exception => e # rubocop:disable Lint/RescueException: a syntax error is a ScriptError
      ["Init<#{e.class}>", e.message]
    end
  end

  # One invocation: ['ok', json] or ['error', "Function<Class>", message, *backtrace].
  def self.invoke(event_json, *context_args)
    context = LambdaContext.new(*context_args)
    result = @handler.call(event: JSON.parse(event_json), context: context)
    ['ok', result.to_json]
  rescue SystemExit, Interrupt
    raise
  rescue Exception => e # rubocop:disable Lint/RescueException: the Ruby runtime reports every exception
    ['error', "Function<#{e.class}>", e.message, *own_lines(e.backtrace)]
  end

  # The backtrace without this file's frames, which are the bridge's, not the function's.
  def self.own_lines(backtrace)
    (backtrace || []).reject { |line| line.start_with?('lambda-bridge/') }
  end
end

LambdaBridge
