# frozen_string_literal: true

# Tests of the PHP, Ruby, Go, Python and Node.js worker shims against a fake bridge (fake_bridge.rb), with real php,
# ruby, go, python3 and node (the first on PATH, as the Java bridge finds them).
#   ruby shim_test.rb [php|ruby|go|python|node]... [--name SUBSTRING]
# Each test starts a worker from fixtures/<language>/ with the environment the Java bridge provides
# (LAMBDA_BRIDGE_SHIMS, PHP_INI_SCAN_DIR, RUBYLIB, PYTHONPATH, NODE_OPTIONS: see ../README.md), and checks the frames it answers.
# Prints one line per test and exits non-zero when one failed.

require 'json'
require 'open3'
require 'optparse'
require 'tmpdir'
require_relative 'fake_bridge'

module ShimTest
  HERE = __dir__
  SHIMS = File.expand_path('..', HERE)
  FIXTURES = File.join(HERE, 'fixtures')
  LANGUAGES = %w[php ruby go python node].freeze
  EXTENSION = { 'php' => 'php', 'ruby' => 'rb', 'go' => 'go', 'python' => 'py', 'node' => 'js' }.freeze

  class AssertionFailed < StandardError; end

  # The environment the Java bridge gives a worker so that the shims are found (documented in ../README.md).
  # NODE_OPTIONS only for a node program (the Java bridge sets it when the worker's program is named node).
  def self.shim_env(lang = nil)
    env = { 'LAMBDA_BRIDGE_SHIMS' => SHIMS,
            'PHP_INI_SCAN_DIR' => ":#{SHIMS}/php/conf.d",
            'RUBYLIB' => "#{SHIMS}/ruby",
            'PYTHONPATH' => "#{SHIMS}/python" }
    env['NODE_OPTIONS'] = "--require \"#{SHIMS}/node/lambda_bridge.js\"" if lang == 'node'
    env
  end

  # Go fixtures are built once per run into a temporary directory, without network.
  def self.go_bin
    @go_bin ||= begin
      dir = Dir.mktmpdir('shim-test-go')
      env = { 'GOFLAGS' => '-mod=mod', 'GOPROXY' => 'off', 'CGO_ENABLED' => '0' }
      out, status = Open3.capture2e(env, 'go', 'build', '-o', "#{dir}/", './...', chdir: File.join(FIXTURES, 'go'))
      raise "go build of the fixtures failed:\n#{out}" unless status.success?

      at_exit { FileUtils.rm_rf(dir) }
      dir
    end
  end

  # The command line of a fixture: handler (the main test handler), load_error, no_handler, bad_handler, ...
  def self.command(lang, fixture = 'handler')
    case lang
    when 'php' then ['php', "php/#{fixture}.php"]
    when 'ruby' then ['ruby', "ruby/#{fixture}.rb"]
    when 'go' then [File.join(go_bin, fixture.delete('_'))]
    when 'python' then fixture.include?('.') ? ['python3', '-m', 'lambda_bridge', fixture] : ['python3', "python/#{fixture}.py"]
    when 'node' then ['node', "node/#{fixture.include?('.') ? fixture : "#{fixture}.js"}"]
    end
  end

  # Runs the block with a started worker; the worker is always disposed of.
  def self.with_worker(lang, fixture = 'handler', env: {}, ready: true)
    chdir = lang == 'python' && fixture.include?('.') ? File.join(FIXTURES, 'python') : FIXTURES
    bridge = FakeBridge.new(command(lang, fixture), chdir: chdir, env: shim_env(lang).merge(env))
    bridge.lang = lang
    bridge.start
    if ready
      type, payload = bridge.ready
      assert_equal('READY', type, "first frame (#{payload})")
    end
    yield bridge
  ensure
    bridge&.dispose
  end

  def self.assert(cond, message)
    raise AssertionFailed, message unless cond
  end

  def self.assert_equal(expected, actual, what)
    assert(expected == actual, "#{what}: expected #{expected.inspect}, got #{actual.inspect}"[0, 2000])
  end

  def self.result(bridge, event, **context)
    type, payload = bridge.invoke(event.is_a?(String) ? event : JSON.generate(event), **context)
    assert_equal('RESULT', type, "answer (#{payload[0, 500]})")
    JSON.parse(payload)
  end

  # The error body's key for the stack lines, as each language's AWS runtime names it.
  TRACE_KEY = Hash.new('stackTrace').merge('node' => 'trace').freeze

  # The ERROR payload, checked to have exactly the language's keys; its stack lines also as e['stackTrace'] for
  # the checks that follow.
  def self.error(bridge, event, **context)
    type, payload = bridge.invoke(event.is_a?(String) ? event : JSON.generate(event), **context)
    assert_equal('ERROR', type, "answer (#{payload[0, 500]})")
    error = JSON.parse(payload)
    key = TRACE_KEY[bridge.lang]
    assert_equal(['errorMessage', 'errorType', key].sort, error.keys.sort, 'error keys')
    assert(error[key].is_a?(Array) && error[key].all?(String), "#{key} is a list of strings")
    error.merge('stackTrace' => error[key])
  end

  EXPECTED_ERROR_TYPE = { 'php' => 'RuntimeException', 'ruby' => 'ArgumentError', 'go' => '*errors.errorString',
                          'python' => 'ValueError', 'node' => 'TypeError' }.freeze
  CUSTOM_ERROR_TYPE = { 'php' => 'App\\Errors\\CustomError', 'ruby' => 'MyApp::CustomError',
                        'go' => 'MyApp.CustomError', 'python' => 'CustomError', 'node' => 'CustomError' }.freeze
  TESTS = {}

  def self.test(name, &block)
    TESTS[name] = block
  end

  test 'ready: READY names the protocol and the shim' do |lang|
    bridge = FakeBridge.new(command(lang), chdir: FIXTURES, env: shim_env(lang))
    begin
      bridge.start
      type, payload = bridge.ready
      assert_equal(['READY', { 'protocol' => 1, 'shim' => lang }], [type, JSON.parse(payload)], 'first frame')
    ensure
      bridge.dispose
    end
  end

  test 'normal call: the event reaches the handler, its return value comes back as JSON' do |lang|
    with_worker(lang) do |b|
      assert_equal({ 'result' => 3 }, result(b, { action: 'count', b: 1, c: [1, 2] }), 'result')
    end
  end

  test 'one worker serves many invocations and keeps its state' do |lang|
    with_worker(lang) do |b|
      (1..50).each { |i| assert_equal({ 'counter' => i }, result(b, { action: 'counter' }), "invocation #{i}") }
    end
  end

  test 'context: every field, the trace id in _X_AMZN_TRACE_ID, the remaining time' do |lang|
    with_worker(lang) do |b|
      deadline = b.now_ms + 3000
      trace = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1'
      r = result(b, { action: 'context' }, request_id: 'req-1', deadline_ms: deadline, trace_id: trace)
      expected = { 'requestId' => 'req-1', 'awsRequestId' => 'req-1', 'functionName' => 'shim-test',
                   'functionVersion' => '$LATEST',
                   'invokedFunctionArn' => 'arn:aws:lambda:us-east-1:123456789012:function:shim-test',
                   'traceId' => trace, 'logGroupName' => '/aws/lambda/shim-test',
                   'logStreamName' => '2026/01/01/[$LATEST]0123456789abcdef', 'memoryLimitInMB' => 256,
                   'deadlineMs' => deadline, 'traceEnv' => trace }
      if %w[python node].include?(lang)
        # AWS's Python and Node.js contexts have no request id alias, trace id or deadline (the trace id is in
        # _X_AMZN_TRACE_ID), and their memory limit is a string
        expected = expected.except('requestId', 'traceId', 'deadlineMs').merge('memoryLimitInMB' => '256')
        expected['callbackWaitsForEmptyEventLoop'] = true if lang == 'node'
      end
      assert_equal(expected, r.except('remainingTimeInMillis'), 'context')
      remaining = r['remainingTimeInMillis']
      assert(remaining.is_a?(Integer) && remaining <= 3000 && remaining > 2000, "remaining time #{remaining}")

      r = result(b, { action: 'context', sleepMs: 300 }, deadline_ms: b.now_ms + 3000)
      assert(r['remainingTimeInMillis'] <= 2700 && r['remainingTimeInMillis'] > 1700,
             "remaining time after sleeping 300 ms: #{r['remainingTimeInMillis']}")
      assert_equal(nil, r['traceEnv'], '_X_AMZN_TRACE_ID of an invocation without a trace id')

      r = result(b, { action: 'context' }, deadline_ms: b.now_ms - 50)
      assert(r['remainingTimeInMillis'] <= -50, "remaining time past the deadline: #{r['remainingTimeInMillis']}")
    end
  end

  test 'exception: ERROR with the class, the message and the trace; the next invocation succeeds' do |lang|
    with_worker(lang) do |b|
      e = error(b, { action: 'raise', message: 'déjà vu' })
      assert_equal(EXPECTED_ERROR_TYPE[lang], e['errorType'], 'errorType')
      assert_equal('boom: déjà vu', e['errorMessage'], 'errorMessage')
      unless lang == 'go' # a returned Go error has no stack
        assert(e['stackTrace'].any? { |l| l.include?("handler.#{EXTENSION[lang]}") },
               "stackTrace names the handler's file: #{e['stackTrace']}")
      end
      assert_equal({ 'result' => 1 }, result(b, { action: 'count' }), 'next invocation')
    end
  end

  test 'custom error type and causes' do |lang|
    with_worker(lang) do |b|
      e = error(b, { action: 'raise_custom', message: 'x' })
      assert_equal([CUSTOM_ERROR_TYPE[lang], 'custom: x'], [e['errorType'], e['errorMessage']], 'custom error')
      e = error(b, { action: 'raise_nested' })
      cause = lang == 'go' ? 'wraps *fs.PathError: open /nonexistent/inner-cause' : 'Caused by: '
      assert(e['stackTrace'].any? { |l| l.start_with?(cause) }, "the cause in stackTrace: #{e['stackTrace']}")
      assert(e['stackTrace'].any? { |l| l.include?('inner') }, "the cause's message: #{e['stackTrace']}")
    end
  end

  test 'output printed by the handler goes to the log and never into the frames' do |lang|
    with_worker(lang) do |b|
      assert_equal({ 'printed' => true }, result(b, { action: 'print' }), 'result')
      assert_equal({ 'result' => 1 }, result(b, { action: 'count' }), 'next invocation')
      deadline = b.now_ms + 5000
      sleep 0.01 until b.stderr.include?('a line to stderr') || b.now_ms > deadline
      assert(b.stdout.include?("RESULT 5\nhello\nERROR 0\n"), "stdout has the handler's output: #{b.stdout.inspect}")
      assert(b.stdout.b.include?("\x00\xff binary\n".b), 'stdout has the binary output')
      assert(b.stderr.include?("a line to stderr\n"), "stderr has the handler's output: #{b.stderr.inspect}")
    end
  end

  test 'multi-byte UTF-8 event and result: lengths in bytes' do |lang|
    with_worker(lang) do |b|
      s = "Zoë — 日本語 🎉 \u0000 \"quoted\" \\ \u2028"
      r = result(b, { action: 'utf8', s: s })
      assert_equal({ 's' => s, 'bytes' => s.bytesize, 'chars' => s.length }, r, 'utf8 result')
      # an event that is nothing but multi-byte characters, unescaped in the JSON
      raw = "{\"action\":\"utf8\",\"s\":\"#{'日本🎉é' * 1000}\"}"
      assert_equal(12_000, result(b, raw)['bytes'], 'bytes of 4000 multi-byte characters')
    end
  end

  test 'a 5 MB event (multi-byte too) and a 5 MB result' do |lang|
    with_worker(lang) do |b|
      data = ('a' * 1000 + 'é日🎉') * 5000 # 5,045,000 bytes
      started = b.now_ms
      r = result(b, { action: 'big', data: data })
      assert_equal({ 'bytes' => data.bytesize, 'chars' => data.length }, r, '5 MB event')
      r = result(b, { action: 'big_result', size: 5 * 1024 * 1024 })
      assert_equal(5 * 1024 * 1024, r.bytesize, '5 MB result')
      elapsed = b.now_ms - started
      assert(elapsed < 10_000, "5 MB round trips took #{elapsed} ms")
    end
  end

  test 'a result over 6 MB is an ERROR (Function.ResponseSizeTooLarge) and the worker goes on' do |lang|
    with_worker(lang) do |b|
      e = error(b, { action: 'big_result', size: 7 * 1024 * 1024 })
      assert_equal('Function.ResponseSizeTooLarge', e['errorType'], 'errorType')
      assert(e['errorMessage'].include?('7340034 bytes'), "errorMessage: #{e['errorMessage']}")
      assert_equal({ 'result' => 1 }, result(b, { action: 'count' }), 'next invocation')
    end
  end

  test 'a return value that is not JSON is an ERROR (Runtime.MarshalError) and the worker goes on' do |lang|
    with_worker(lang) do |b|
      e = error(b, { action: 'nan' })
      assert_equal('Runtime.MarshalError', e['errorType'], "errorType (#{e['errorMessage']})")
      assert_equal({ 'result' => 1 }, result(b, { action: 'count' }), 'next invocation')
    end
  end

  test 'an INVOKE payload that is not JSON is an ERROR (Runtime.UnmarshalError) and the worker goes on' do |lang|
    with_worker(lang) do |b|
      b.send_frame('INVOKE', '{"context": {"requestId": "r", "deadlineMs": 1}, "event": {oops}')
      type, payload = b.read_frame
      assert_equal('ERROR', type, 'answer')
      assert_equal('Runtime.UnmarshalError', JSON.parse(payload)['errorType'], "errorType (#{payload})")
      b.send_frame('INVOKE', '{"event": {}}')
      type, payload = b.read_frame
      assert_equal(%w[ERROR Runtime.UnmarshalError], [type, JSON.parse(payload)['errorType']], 'no context')
      assert_equal({ 'result' => 1 }, result(b, { action: 'count' }), 'next invocation')
    end
  end

  test 'events that are not objects reach the handler as they are' do |lang|
    with_worker(lang) do |b|
      ['"a string"', '[1,2,3]', 'null', '42', '3.5', 'true', '{"nested":{"a":[1,{"b":null}]}}'].each do |event|
        type, payload = b.invoke(event)
        assert_equal(['RESULT', JSON.parse(event)], [type, JSON.parse(payload)], "echo of #{event}")
      end
    end
  end

  test 'a crash inside the handler (PHP fatal error, stack overflow, Go panic)' do |lang|
    with_worker(lang) do |b|
      e = error(b, { action: 'fatal', size: 1 })
      case lang
      when 'php'
        assert_equal('E_ERROR', e['errorType'], 'errorType')
        assert(e['errorMessage'].include?('Allowed memory size'), "errorMessage: #{e['errorMessage']}")
        assert_equal(255, b.wait.exitstatus, 'exit status after a fatal error')
      when 'ruby', 'python', 'node'
        expected = { 'ruby' => 'SystemStackError', 'python' => 'RecursionError', 'node' => 'RangeError' }[lang]
        assert_equal(expected, e['errorType'], 'errorType')
        assert_equal({ 'result' => 1 }, result(b, { action: 'count' }), 'next invocation')
      when 'go'
        assert_equal('runtime.boundsError', e['errorType'], 'errorType')
        assert(e['errorMessage'].include?('index out of range [6]'), "errorMessage: #{e['errorMessage']}")
        assert(e['stackTrace'].first&.start_with?('main.handler ('), "stackTrace starts at the handler: #{e['stackTrace']}")
        assert_equal({ 'result' => 1 }, result(b, { action: 'count' }), 'next invocation')
      end
    end
  end

  test 'exit inside the handler' do |lang|
    with_worker(lang) do |b|
      if lang == 'go' # os.Exit cannot be intercepted: the bridge reports the exit (Worker.Exited)
        b.send_frame('INVOKE', b.invoke_payload('{"action":"exit"}'))
        assert(b.eof?, 'connection closed')
      else
        e = error(b, { action: 'exit' })
        assert_equal('Runtime.ExitError', e['errorType'], "errorType (#{e['errorMessage']})")
      end
      assert_equal(3, b.wait.exitstatus, 'exit status')
    end
  end

  test 'the bridge closes the connection: the worker exits with status 0' do |lang|
    with_worker(lang) do |b|
      result(b, { action: 'count' })
      assert_equal(0, b.close.exitstatus, 'exit status')
    end
  end

  PROTOCOL_ERRORS = {
    "BOGUS 3\nabc" => 'unexpected frame type BOGUS',
    "RESULT 2\n{}" => 'unexpected frame type RESULT',
    "INVOKE abc\n" => 'malformed frame header',
    "INVOKE 012\n" => 'malformed frame header',
    "INVOKE -1\n" => 'malformed frame header',
    "invoke 2\n{}" => 'malformed frame header',
    "INVOKE  2\n{}" => 'malformed frame header',
    "#{'X' * 70}\n" => 'longer than 64 bytes',
    "INVOKE 99999999\n" => 'over the limit',
    "INVOKE 100\n{\"context\"" => 'end of stream inside an INVOKE frame',
    'INVOKE 1' => 'end of stream inside a frame header'
  }.freeze

  test 'protocol errors: the worker says what was wrong and exits with status 3' do |lang|
    PROTOCOL_ERRORS.each do |bytes, expected|
      with_worker(lang) do |b|
        b.send_raw(bytes)
        status = b.close
        assert_equal(3, status.exitstatus, "exit status after #{bytes[0, 30].inspect} (stderr: #{b.stderr})")
        assert(b.stderr.include?('protocol error') && b.stderr.include?(expected),
               "stderr after #{bytes[0, 30].inspect} says #{expected.inspect}: #{b.stderr.inspect}")
      end
    end
  end

  LOAD_FAILURES = {
    'load_error' => { 'php' => %w[RuntimeException cannot\ load\ the\ configuration],
                      'ruby' => %w[RuntimeError cannot\ load\ the\ configuration],
                      'python' => %w[RuntimeError cannot\ load\ the\ configuration],
                      'node' => %w[Error cannot\ load\ the\ configuration] },
    'no_handler' => { 'php' => ['Runtime.HandlerNotFound', 'no_handler.php ended without calling lambda_bridge'],
                      'ruby' => ['Runtime.HandlerNotFound', 'no_handler.rb ended without calling LambdaBridge.handle'],
                      'python' => ['Runtime.HandlerNotFound', 'no_handler.py ended without calling lambda_bridge.start'],
                      'node' => ['Runtime.HandlerNotFound', 'no_handler.handler is undefined or not exported'] },
    'bad_handler' => { 'php' => ['TypeError', 'must be of type callable, string given'],
                       'ruby' => ['ArgumentError', 'needs a block, a callable or a method name, got 42'],
                       'go' => ['Runtime.InvalidHandler', 'takes 3 parameters'],
                       'python' => ['TypeError', 'needs a function (event, context), got 42'],
                       'node' => ['Runtime.HandlerNotFound', 'bad_handler.handler is not a function'] },
    'import_error.handler' => { 'python' => ['Runtime.ImportModuleError', "Unable to import module 'import_error': " \
                                                                         "No module named 'no_such_module_anywhere'"] },
    'no_such_module.handler' => { 'python' => ['Runtime.ImportModuleError', "Unable to import module 'no_such_module'"] },
    'plain_module.missing' => { 'python' => ['Runtime.HandlerNotFound', "Handler 'missing' missing on module " \
                                                                        "'plain_module'"] },
    'syntax_error' => { 'node' => ['Runtime.UserCodeSyntaxError', 'SyntaxError: '] },
    'missing_import.mjs' => { 'node' => ['Runtime.ImportModuleError', "Cannot find package 'no-such-package'"] }
  }.freeze

  test 'a script that fails before it calls the shim sends ERROR instead of READY and exits' do |lang|
    LOAD_FAILURES.each do |fixture, by_lang|
      next unless by_lang[lang]

      with_worker(lang, fixture, ready: false) do |b|
        type, payload = b.ready
        assert_equal('ERROR', type, "first frame of #{fixture} (#{payload})")
        e = JSON.parse(payload)
        assert_equal(by_lang[lang][0], e['errorType'], "#{fixture} errorType (#{e['errorMessage']})")
        assert(e['errorMessage'].include?(by_lang[lang][1]), "#{fixture} errorMessage: #{e['errorMessage']}")
        status = b.wait
        assert(!status.success?, "#{fixture} exits with a failure status, got #{status}") unless fixture == 'no_handler'
      end
    end
  end

  test 'without LAMBDA_BRIDGE_WORKER_SOCKET the worker says how it is run and exits with status 2' do |lang|
    env = shim_env(lang).merge('LAMBDA_BRIDGE_WORKER_SOCKET' => nil)
    out, status = Open3.capture2e(env, *command(lang), chdir: FIXTURES)
    assert_equal(2, status.exitstatus, "exit status (#{out})")
    assert(out.include?('LAMBDA_BRIDGE_WORKER_SOCKET is not set'), "message: #{out}")
  end

  test 'an unsupported protocol version is refused with status 2' do |lang|
    bridge = FakeBridge.new(command(lang), chdir: FIXTURES,
                            env: shim_env(lang).merge('LAMBDA_BRIDGE_PROTOCOL' => '2'))
    begin
      bridge.start(connect: false)
      assert_equal(2, bridge.wait.exitstatus, 'exit status')
      assert(bridge.stderr.include?('LAMBDA_BRIDGE_PROTOCOL=2 is not supported'), "message: #{bridge.stderr}")
    ensure
      bridge.dispose
    end
  end

  test 'the other handler forms: Ruby block, Go typed event, Python module, Node.js ESM and callback' do |lang|
    case lang
    when 'python'
      with_worker(lang, 'plain_module.handler') do |b|
        r = result(b, { a: 1, b: 2 }, request_id: 'r-9')
        assert_equal({ 'result' => 2, 'requestId' => 'r-9', 'module' => 'plain_module' }, r, 'module.function')
      end
    when 'node'
      node_forms
    when 'ruby'
      with_worker(lang, 'block_handler') do |b|
        assert_equal({ 'result' => 2, 'requestId' => 'r-7' }, result(b, { a: 1, b: 2 }, request_id: 'r-7'), 'block')
      end
    when 'go'
      with_worker(lang, 'typed') do |b|
        r = result(b, { id: 'A-1', items: [1, 2, 3], total: 9.5, extra: 'ignored' }, request_id: 'r-8')
        assert_equal({ 'message' => 'order A-1: 3 items, 9.50 (r-8)', 'hasTimeLeft' => true }, r, 'typed result')
        e = error(b, { id: 42 })
        assert_equal('Runtime.UnmarshalError', e['errorType'], 'errorType of an event of the wrong shape')
        assert(e['errorMessage'].include?('main.Order'), "errorMessage names the type: #{e['errorMessage']}")
      end
    end
  end

  test 'warm round trip (informational: median of 200 small invocations)' do |lang|
    with_worker(lang) do |b|
      event = '{"action":"count","key1":"value1","key2":"value2"}'
      times = Array.new(200) do
        t = Process.clock_gettime(Process::CLOCK_MONOTONIC, :microsecond)
        result(b, event)
        Process.clock_gettime(Process::CLOCK_MONOTONIC, :microsecond) - t
      end.sort
      "median #{times[100]} us, p90 #{times[180]} us"
    end
  end

  # Node.js: export const handler (.mjs and "type": "module"), the callback form and callbackWaitsForEmptyEventLoop.
  def self.node_forms
    %w[esm_handler.mjs esm_package/index.js].each do |fixture|
      with_worker('node', fixture) do |b|
        r = result(b, { a: 1, b: 2 }, request_id: 'r-10')
        assert_equal({ 'result' => 2, 'requestId' => 'r-10', 'esm' => true }, r, fixture)
      end
    end
    with_worker('node', 'handler', env: { 'NODE_OPTIONS' => "#{shim_env('node')['NODE_OPTIONS']} --no-warnings" }) do |b|
      assert_equal({ 'nodeOptions' => '--no-warnings' }, result(b, { action: 'node_options' }),
                   'the preload takes itself out of NODE_OPTIONS (the programs the function starts do not get it)')
    end
    with_worker('node', 'callback_handler') do |b|
      assert_equal({ 'result' => 2 }, result(b, { action: 'count', x: 1 }), 'callback(null, result)')
      started = b.now_ms
      r = result(b, { action: 'timer', waitMs: 400 })
      assert(b.now_ms - started >= 400, "the answer waits for the event loop to empty: #{b.now_ms - started} ms")
      assert_equal({ 'timerFired' => false }, r, 'the result given to the callback')
      assert(b.stdout.include?('timer fired'), "the timer ran before the answer: #{b.stdout}")
      started = b.now_ms
      assert_equal({ 'timerFired' => false }, result(b, { action: 'timer', waitMs: 1500, dontWait: true }),
                   'callbackWaitsForEmptyEventLoop = false')
      assert(b.now_ms - started < 1000, "answered at once: #{b.now_ms - started} ms")
      e = error(b, { action: 'fail' })
      assert_equal(['Error', 'callback failed'], [e['errorType'], e['errorMessage']], 'callback(error)')
      assert(e['stackTrace'].any? { |l| l.include?('callback_handler.js') }, "stack: #{e['stackTrace']}")
      e = error(b, { action: 'fail_string' })
      assert_equal(%w[string plain\ text], [e['errorType'], e['errorMessage']], 'callback("plain text")')
      type, payload = b.invoke('{"action":"forget"}')
      assert_equal(%w[RESULT null], [type, payload], 'no callback once the event loop is empty: null')
      assert_equal({ 'result' => 1 }, result(b, { action: 'count' }), 'next invocation')
    end
  end

  def self.main(argv)
    filter = nil
    langs = OptionParser.new { |o| o.on('--name SUBSTRING') { |v| filter = v } }.parse(argv)
    langs = LANGUAGES if langs.empty?
    unknown = langs - LANGUAGES
    abort "shim_test.rb: unknown language #{unknown.join(', ')} (#{LANGUAGES.join(', ')})" unless unknown.empty?
    failures = 0
    count = 0
    langs.each do |lang|
      TESTS.each do |name, block|
        next if filter && !name.include?(filter)

        count += 1
        started = Process.clock_gettime(Process::CLOCK_MONOTONIC, :millisecond)
        begin
          note = block.call(lang)
          ms = Process.clock_gettime(Process::CLOCK_MONOTONIC, :millisecond) - started
          puts "ok   #{lang} #{name} (#{ms} ms)#{note.is_a?(String) ? ": #{note}" : ''}"
        rescue AssertionFailed, FakeBridge::Failure, StandardError => e
          failures += 1
          puts "FAIL #{lang} #{name}: #{e.class}: #{e.message}"
          puts e.backtrace.first(5).map { |l| "       #{l}" } unless e.is_a?(AssertionFailed)
        end
      end
    end
    puts "#{count - failures} of #{count} passed#{failures.positive? ? ", #{failures} FAILED" : ''}"
    failures.zero?
  end
end

exit(ShimTest.main(ARGV) ? 0 : 1) if $PROGRAM_NAME == __FILE__
