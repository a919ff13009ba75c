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

  # The context's values that do not change in the process's life, given once at init.
  def self.configure(function_name, function_version, memory, log_group, log_stream)
    @fixed = [function_name.to_s, function_version.to_s, memory, log_group.to_s, log_stream.to_s]
    nil
  end

  # One invocation, the event parsed by the bridge (RubyEvent): ['ok', json] or ['error', "Function<Class>",
  # message, *backtrace].
  def self.invoke(request_id, arn, deadline_ms, identity_json, client_context_json, shape, *values)
    call(build_event(shape, values), request_id, arn, deadline_ms, identity_json, client_context_json)
  end

  # One invocation with an event the bridge did not parse: JSON.parse says what is wrong with it.
  def self.invoke_json(event_json, request_id, arn, deadline_ms, identity_json, client_context_json)
    call(JSON.parse(event_json.to_s), request_id, arn, deadline_ms, identity_json, client_context_json)
  rescue JSON::ParserError => e
    ['error', "Function<#{e.class}>", e.message, *own_lines(e.backtrace)]
  end

  def self.call(event, request_id, arn, deadline_ms, identity_json, client_context_json)
    f = @fixed
    context = LambdaContext.new(request_id.to_s, arn.to_s, deadline_ms, f[0], f[1], f[2], f[3], f[4],
                                text(identity_json), text(client_context_json))
    ['ok', generate(@handler.call(event: event, context: context))]
  rescue SystemExit, Interrupt
    raise
  rescue Exception => e # rubocop:disable Lint/RescueException: the Ruby runtime reports every exception
    ['error', "Function<#{e.class}>", e.message, *own_lines(e.backtrace)]
  end

  # A Java string as a Ruby String; Java's null (a foreign null, which is nil? but not nil) as nil.
  def self.text(value)
    value.nil? ? nil : value.to_s
  end

  # The Hash (or Array, or value) JSON.parse would make of the event, from its shape and values (RubyEvent):
  # mutable UTF-8 strings, frozen keys, Integer and Float.
  def self.build_event(shape, values)
    # The shape arrives as a Java string: a foreign string, whose every getbyte is an interop call. One Ruby copy
    # first (measured in Truffle's interpreter, a 3-key event: 55 us -> 31 us for the whole build).
    shape = shape.to_s
    root = nil
    container = nil
    key = nil
    stack = []
    v = 0
    i = 0
    n = shape.bytesize
    while i < n
      c = shape.getbyte(i)
      i += 1
      case c
      when 107 # k
        key = values[v].to_s
        v += 1
        next
      when 115 # s
        value = +values[v].to_s
        v += 1
      when 105 # i
        value = values[v]
        value = value.to_s.to_i unless value.is_a?(Integer)
        v += 1
      when 102 # f
        value = values[v]
        v += 1
      when 123, 91 # { [
        stack << container << key
        container = c == 123 ? {} : []
        key = nil
        next
      when 125, 93 # } ]
        value = container
        key = stack.pop
        container = stack.pop
      when 116 then value = true
      when 70 then value = false
      else value = nil
      end
      if container.nil?
        root = value
      elsif key.nil?
        container << value
      else
        container[key] = value
        key = nil
      end
    end
    root
  end

  # The result's JSON, as result.to_json makes it. Hashes, Arrays, Strings, Symbols, Integers, true, false and
  # nil are written here (json's pure-Ruby generator is slow in Truffle's interpreter); anything else, and any of
  # those whose to_json someone redefined, by its own to_json.
  def self.generate(result)
    return result.to_json unless plain_to_json?
    out = +''
    write(result, out, 1)
    out
  rescue TooDeep
    result.to_json # json's limit is 100 levels (and a cycle is too deep): its NestingError, as the runtime's
  end

  # Deeper than json's default max_nesting.
  class TooDeep < StandardError; end

  JSON_METHODS = [Hash, Array, String, Symbol, Integer, NilClass, TrueClass, FalseClass].to_h do |type|
    [type, type.instance_method(:to_json)]
  end.freeze

  # Whether to_json is still json's own on the classes that write() handles (a library such as ActiveSupport,
  # or json/add/*, may replace it). Checked again whenever something was required since the last check (the
  # full check costs ~30 us in Truffle's interpreter, a warm invocation's budget): code that redefines to_json
  # without requiring anything, during an invocation, is not noticed until the next require.
  def self.plain_to_json?
    features = $LOADED_FEATURES.size
    return @plain if features == @features_checked
    @features_checked = features
    @plain = JSON_METHODS.all? { |type, method| type.instance_method(:to_json) == method }
  end

  PLAIN_STRING = /\A[^"\\\x00-\x1f]*\z/

  def self.write(value, out, depth)
    case value
    when Hash
      raise TooDeep if depth > 100
      return nested(value, out, depth) unless value.instance_of?(Hash)
      out << '{'
      first = true
      value.each_pair do |k, v|
        out << ',' unless first
        first = false
        write_string(k.to_s, out)
        out << ':'
        write(v, out, depth + 1)
      end
      out << '}'
    when Array
      raise TooDeep if depth > 100
      return nested(value, out, depth) unless value.instance_of?(Array)
      out << '['
      value.each_with_index do |v, index|
        out << ',' if index > 0
        write(v, out, depth + 1)
      end
      out << ']'
    when String
      value.instance_of?(String) ? write_string(value, out) : nested(value, out, depth)
    when Symbol then write_string(value.to_s, out)
    when Integer, true, false then out << value.to_s
    when nil then out << 'null'
    else nested(value, out, depth)
    end
  end

  # Any other value inside the result: its own to_json, given the generator state json's Hash#to_json would give.
  def self.nested(value, out, depth)
    state = JSON.state.new
    state.depth = depth - 1
    out << value.to_json(state)
  end

  def self.write_string(string, out)
    encoding = string.encoding
    if (encoding == Encoding::UTF_8 || encoding == Encoding::US_ASCII) && string.valid_encoding? &&
       PLAIN_STRING.match?(string)
      out << '"' << string << '"'
    else
      out << string.to_json
    end
  end

  # The backtrace without this file's frames, which are the bridge's, not the function's.
  def self.own_lines(backtrace)
    (backtrace || []).reject { |line| line.start_with?('lambda-bridge/') }
  end
end

LambdaBridge
