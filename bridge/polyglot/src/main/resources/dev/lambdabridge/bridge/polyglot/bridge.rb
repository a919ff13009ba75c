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
      @memory_limit_in_mb = memory
      @log_group_name = log_group
      @log_stream_name = log_stream
      @identity = identity_json ? LambdaContext.parse_optional(identity_json) : nil
      @client_context = client_context_json ? LambdaContext.parse_optional(client_context_json) : nil
    end

    # The JSON of an identity or client context (a Java string; absent ones come as false), nil when empty
    def self.parse_optional(json)
      text = json.to_s
      text.empty? ? nil : JSON.parse(text)
    end

    def get_remaining_time_in_millis
      [@deadline_ms - (Time.now.to_f * 1000).to_i, 0].max
    end
  end

  @handler = nil

  # Before the function's code: gems where AWS's Ruby runtime finds them, and, with host access closed, no
  # processes (RubyContextOptions says why that guard is a Ruby-level one).
  def self.prepare(task_root, closed)
    Gems.configure(task_root.to_s)
    close_processes if closed
    nil
  end

  # Loads the function's file; returns nil, or the [errorType, message, *backtrace] of what it raised, as AWS's
  # Ruby runtime reports an init error (Init<LoadError>, Init<SyntaxError>, Init<NameError>...). The handler
  # itself is looked up at each invocation until found, as that runtime does: a missing method or constant is a
  # Function<NoMethodError> or Function<NameError> of the invocation, not an init error.
  def self.load_handler(task_root, file, constant, method_name)
    $LOAD_PATH.unshift(task_root) unless $LOAD_PATH.include?(task_root)
    @constant = constant.nil? ? nil : constant.to_s
    @method_name = method_name.to_s.to_sym
    begin
      require File.join(task_root, file + '.rb')
      nil
    rescue Exception => e # rubocop:disable Lint/RescueException: a syntax error is a ScriptError
      ["Init<#{e.class}>", e.message, *own_lines(e.backtrace)]
    end
  end

  # The handler's Method (found once): a top-level method of the function's file, or a method of the constant.
  # What AWS's runtime raises when they are missing: NameError from Kernel.const_get, NoMethodError from __send__.
  def self.handler
    return @handler if @handler
    receiver = @constant.nil? ? TOPLEVEL_BINDING.receiver : Object.const_get(@constant)
    begin
      @handler = receiver.method(@method_name)
    rescue NameError => e
      raise NoMethodError.new(e.message, @method_name)
    end
  end

  # Gems as AWS's Ruby runtime finds them. Its runtime interface client sets no GEM_PATH (it only requires
  # 'bundler/setup' for itself); the managed runtime's environment does, and AWS's layer docs name the paths:
  # the function's vendor/bundle/ruby/ABI (bundle install --deployment, or bundle config path vendor/bundle), then
  # a layer's /opt/ruby/gems/ABI, with /opt/ruby/lib on the load path (RUBYLIB). ABI is CRuby's name for the
  # Ruby version TruffleRuby implements (3.3.0 for TruffleRuby 25, Ruby 3.3.7), as a `bundle install` on Lambda's
  # ruby3.3 names it; TruffleRuby's own (RbConfig's ruby_version) is 3.3.7.25.0.0.1. A GEM_PATH the function sets
  # is kept as it is.
  module Gems
    ABI = "#{RUBY_VERSION.split('.')[0, 2].join('.')}.0".freeze

    def self.configure(task_root)
      abi = ABI
      ENV['GEM_PATH'] = ["#{task_root}/vendor/bundle/ruby/#{abi}", "/opt/ruby/gems/#{abi}"].join(':') unless ENV['GEM_PATH']
      $LOAD_PATH.push('/opt/ruby/lib') if File.directory?('/opt/ruby/lib') && !$LOAD_PATH.include?('/opt/ruby/lib')
      # only when RubyGems is loaded already: TruffleRuby loads it lazily (Gem is an autoload until a require needs
      # it), and touching Gem here would load it at every cold start (~25 files, seconds in the interpreter)
      Gem.clear_paths if Object.const_defined?(:Gem, false) && !Object.autoload?(:Gem)
      bundle_as_cruby(task_root, abi)
    end

    # Bundler looks for a path's gems under RUBY_ENGINE/ruby_version (vendor/bundle/truffleruby/3.3.7.25.0.0.1),
    # where CRuby's bundle install put them under ruby/ABI: with a Gemfile and only the latter, Bundler is told
    # CRuby's scope.
    def self.bundle_as_cruby(task_root, abi)
      return unless File.file?(File.join(task_root, 'Gemfile')) &&
                    File.directory?(File.join(task_root, 'vendor/bundle/ruby', abi)) &&
                    !File.directory?(File.join(task_root, 'vendor/bundle', RUBY_ENGINE))
      require 'bundler'
      Bundler.singleton_class.prepend(CRubyScope)
    end

    module CRubyScope
      def ruby_scope
        "ruby/#{ABI}"
      end
    end
  end

  NO_PROCESSES = 'creating processes is not allowed: host access is closed (set LAMBDA_BRIDGE_POLYGLOT_HOST_ACCESS=all ' \
                 'to open it)'

  # With host access closed: every way the core library creates a process raises SecurityError. A Ruby-level
  # guard (RubyContextOptions): it keeps honest code from shelling out.
  module ClosedProcesses
    def open(name, *rest, **options, &block)
      raise SecurityError, NO_PROCESSES if name.is_a?(String) && name.start_with?('|')
      super
    end

    private :open
  end

  def self.close_processes
    refuse = proc { |*| raise SecurityError, NO_PROCESSES }
    %i[system spawn ` exec fork].each do |name|
      Kernel.send(:define_method, name, &refuse)
      Kernel.send(:private, name)
      Kernel.define_singleton_method(name, &refuse)
    end
    %i[spawn exec fork daemon].each { |name| Process.define_singleton_method(name, &refuse) }
    IO.define_singleton_method(:popen, &refuse)
    Kernel.prepend(ClosedProcesses)
    Kernel.singleton_class.prepend(ClosedProcesses)
  end

  # The context's values that do not change in the process's life, given once at init.
  def self.configure(function_name, function_version, memory, log_group, log_stream)
    @fixed = [function_name.to_s, function_version.to_s, memory.to_s, log_group.to_s, log_stream.to_s]
    nil
  end

  # One invocation, the event parsed by the bridge (RubyEvent): the result's JSON (a String), or ['error',
  # "Function<Class>", message, *backtrace].
  def self.invoke(shape, request_id, arn, deadline_ms, identity_json, client_context_json, *values)
    call(build_event(shape, values), request_id, arn, deadline_ms, identity_json, client_context_json)
  end

  # One invocation, the event made by the builder compile_builder made for its layout (the Java side keeps them).
  def self.invoke_built(builder, request_id, arn, deadline_ms, identity_json, client_context_json, *values)
    call(builder.call(values), request_id, arn, deadline_ms, identity_json, client_context_json)
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
                                identity_json, client_context_json)
    generate((@handler || handler).call(event: event, context: context))
  rescue SystemExit, Interrupt
    raise
  rescue Exception => e # rubocop:disable Lint/RescueException: the Ruby runtime reports every exception
    ['error', "Function<#{e.class}>", e.message, *own_lines(e.backtrace)]
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
        v += 1
      when 73 # I
        value = values[v].to_s.to_i
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

  # A lambda that builds the event of one layout (shape and keys) from its other values in a single Ruby
  # expression, the keys in it as literals: what build_event does, without its loop over the shape, whose case and
  # stack Truffle's interpreter runs for every token, and without converting the keys from Java strings (3-key
  # event: 50 us in build_event, 10 us in a builder, on this machine). The Java side asks for one when a layout
  # comes again, and keeps it; nil for shapes too large or too deep to be worth a builder.
  def self.compile_builder(shape, *keys)
    shape = shape.to_s
    return nil if shape.bytesize > MAX_BUILDER_TOKENS
    code = +'->(v) { '
    depth = 0
    v = 0
    k = 0
    first = true
    shape.each_byte do |c|
      code << ', ' unless first || c == 125 || c == 93
      first = false
      case c
      when 107 # k: the key as a literal (frozen, as JSON.parse's keys), then its value, with no separator
        key = keys[k].to_s
        k += 1
        return nil unless key.valid_encoding?
        code << key.inspect << ' => '
        first = true
      when 115 then code << "+v[#{v}].to_s"; v += 1 # s
      when 105, 102 then code << "v[#{v}]"; v += 1 # i f
      when 73 then code << "v[#{v}].to_s.to_i"; v += 1 # I
      when 116 then code << 'true'
      when 70 then code << 'false'
      when 110 then code << 'nil'
      when 123, 91 # { [
        depth += 1
        return nil if depth > MAX_BUILDER_DEPTH
        code << (c == 123 ? '{' : '[')
        first = true
      when 125 then code << '}'; depth -= 1
      when 93 then code << ']'; depth -= 1
      else return nil
      end
    end
    # rubocop:disable Security/Eval: the code is made here from the shape's letters and the keys' inspect (a
    # string literal whatever the key holds), never from event text as code
    eval(code << ' }', TOPLEVEL_BINDING, 'lambda-bridge/event-builder')
  end

  MAX_BUILDER_TOKENS = 2000
  MAX_BUILDER_DEPTH = 64

  # The result's JSON, as result.to_json makes it. Hashes, Arrays, Strings, Symbols, Integers, true, false and
  # nil are written here (json's pure-Ruby generator is slow in Truffle's interpreter); anything else, and any of
  # those whose to_json someone redefined, by its own to_json.
  def self.generate(result)
    # plain_to_json? inline (a method call is 1.5 us in Truffle's interpreter): nothing required since the check
    return String(result.to_json) unless LOADED_FEATURES.version == @features_checked ? @plain : plain_to_json?
    out = +''
    write(result, out, 1)
    out
  rescue TooDeep
    String(result.to_json) # json's limit is 100 levels (a cycle is too deep): its NestingError, as the runtime's
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
    features = LOADED_FEATURES.version
    return @plain if features == @features_checked
    @features_checked = features
    @plain = JSON_METHODS.all? { |type, method| type.instance_method(:to_json) == method }
  end

  # The same array as $LOADED_FEATURES (reading the global costs 6 us in Truffle's interpreter). TruffleRuby's
  # VersionedArray: its version counts the changes and is read without a lock, where its size copies the array
  # under one (4-7 us a call, a tenth of a warm invocation in the interpreter's profile).
  LOADED_FEATURES = $LOADED_FEATURES

  # The characters JSON escapes in a string, as a String#count set (count costs 1.5 us where a regexp costs 8)
  ESCAPED = "\"\\\\\x00-\x1f"

  # Symbol keys' JSON, made once per Symbol (a bounded number of them)
  SYMBOL_JSON = {}.compare_by_identity
  MAX_SYMBOLS = 4096

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
        if k.instance_of?(Symbol)
          out << (SYMBOL_JSON[k] || symbol_json(k)) << ':'
        else
          write_string(k.to_s, out)
          out << ':'
        end
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
    when Symbol then out << (SYMBOL_JSON[value] || symbol_json(value))
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
    out << string_json(string)
  end

  def self.string_json(string)
    if (string.ascii_only? || (string.encoding == Encoding::UTF_8 && string.valid_encoding?)) &&
       string.count(ESCAPED) == 0
      "\"#{string}\""
    else
      string.to_json
    end
  end

  def self.symbol_json(symbol)
    json = string_json(symbol.to_s).freeze
    SYMBOL_JSON[symbol] = json if SYMBOL_JSON.size < MAX_SYMBOLS
    json
  end

  # The backtrace without this file's frames, which are the bridge's, not the function's.
  def self.own_lines(backtrace)
    (backtrace || []).reject { |line| line.start_with?('lambda-bridge/') }
  end
end

LambdaBridge
