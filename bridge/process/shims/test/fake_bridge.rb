# frozen_string_literal: true

# A fake lambda-bridge bridge (the Java side of docs/worker-protocol.md, reduced to what a test needs): listens on
# a Unix socket, starts a worker with LAMBDA_BRIDGE_WORKER_SOCKET, reads READY, sends INVOKE frames and reads
# the answers, while two threads collect the worker's stdout and stderr. It validates every frame it reads as
# strictly as the protocol says, so a shim that miscounts bytes or prints into the socket fails here.
#
# As a command (a smoke test of any worker):
#   ruby fake_bridge.rb [--event JSON] [--count N] [--timeout-ms N] -- PROGRAM ARGS...
# prints READY's payload and each answer as "TYPE PAYLOAD", the worker's output after it; exit 0 when the worker
# got ready and every answer was a RESULT.

require 'fileutils'
require 'json'
require 'securerandom'
require 'socket'
require 'timeout'
require 'tmpdir'

class FakeBridge
  class Failure < StandardError; end

  MAX_ANSWER = 6 * 1024 * 1024 + 100

  attr_reader :pid, :status
  attr_accessor :lang # the shim's language, for the checks that differ by language

  # argv: the worker's command line; env: added to the environment (LAMBDA_BRIDGE_WORKER_SOCKET is set here)
  def initialize(argv, chdir: Dir.pwd, env: {})
    @argv = argv
    @chdir = chdir
    @env = env
    @out = +''
    @err = +''
    @lock = Mutex.new
  end

  # Starts the worker and accepts its connection; returns self. Raises Failure when the worker exits first.
  def start(timeout: 20, connect: true)
    @dir = Dir.mktmpdir('fake-bridge')
    path = File.join(@dir, 'worker.sock')
    @server = UNIXServer.new(path)
    File.chmod(0o600, path)
    out_r, out_w = IO.pipe
    err_r, err_w = IO.pipe
    env = { 'LAMBDA_BRIDGE_WORKER_SOCKET' => path, 'LAMBDA_BRIDGE_PROTOCOL' => '1' }.merge(@env)
    @pid = Process.spawn(env, *@argv, chdir: @chdir, in: File::NULL, out: out_w, err: err_w, pgroup: true)
    out_w.close
    err_w.close
    @drains = [drain(out_r, @out), drain(err_r, @err)]
    accept(timeout) if connect
    self
  end

  def stdout = @lock.synchronize { @out.dup }
  def stderr = @lock.synchronize { @err.dup }

  # READY or ERROR, the first frame a worker sends: [type, payload].
  def ready(timeout: 20) = read_frame(timeout)

  # Sends one INVOKE with event_json (a String, sent as it is) and returns the answer: [type, payload].
  def invoke(event_json, timeout: 30, **context)
    send_frame('INVOKE', invoke_payload(event_json, **context))
    read_frame(timeout)
  end

  def invoke_payload(event_json, request_id: SecureRandom.uuid, deadline_ms: now_ms + 30_000, trace_id: nil,
                     extra: {})
    context = { requestId: request_id, deadlineMs: deadline_ms, invokedFunctionArn:
                'arn:aws:lambda:us-east-1:123456789012:function:shim-test', functionName: 'shim-test',
                functionVersion: '$LATEST', memoryLimitInMB: 256, logGroupName: '/aws/lambda/shim-test',
                logStreamName: '2026/01/01/[$LATEST]0123456789abcdef' }
    context[:traceId] = trace_id if trace_id
    context.merge!(extra)
    +"{\"context\":#{JSON.generate(context)},\"event\":#{event_json}}"
  end

  def send_frame(type, payload)
    send_raw("#{type} #{payload.bytesize}\n".b + payload.b)
  end

  def send_raw(bytes)
    @socket.write(bytes)
  end

  # The next frame, validated: [type, payload]. Raises Failure on anything the protocol does not allow.
  def read_frame(timeout = 30)
    Timeout.timeout(timeout, Failure, "no frame within #{timeout} s#{context_of_failure}") do
      header = @socket.gets("\n", 64)
      raise Failure, "the worker closed the connection#{context_of_failure}" if header.nil?

      m = /\A(READY|RESULT|ERROR) (0|[1-9][0-9]{0,9})\n\z/.match(header)
      raise Failure, "invalid frame header #{header.inspect}#{context_of_failure}" unless m

      length = m[2].to_i
      raise Failure, "#{m[1]} of #{length} bytes is over the limit" if length > MAX_ANSWER

      payload = @socket.read(length) || ''.b
      raise Failure, "#{m[1]}: got #{payload.bytesize} of #{length} bytes" if payload.bytesize < length

      [m[1], payload.force_encoding(Encoding::UTF_8)]
    end
  end

  # true when the worker closed its end (reads EOF) within the timeout.
  def eof?(timeout = 10)
    Timeout.timeout(timeout, Failure, "the connection stayed open for #{timeout} s") { @socket.read(1).nil? }
  end

  # Closes the bridge's end of the connection and returns the worker's exit status.
  def close(timeout: 10)
    @socket&.close
    @socket = nil
    wait(timeout: timeout)
  end

  # Waits for the worker to exit (killing its group after the timeout) and returns its Process::Status.
  def wait(timeout: 10)
    return @status if @status

    deadline = now_ms + timeout * 1000
    loop do
      _, @status = Process.waitpid2(@pid, Process::WNOHANG)
      break if @status

      if now_ms > deadline
        kill
        raise Failure, "the worker did not exit within #{timeout} s#{context_of_failure}"
      end
      sleep 0.01
    end
    @drains.each { |t| t.join(5) }
    @status
  end

  def kill
    Process.kill('KILL', -@pid)
  rescue Errno::ESRCH
    nil
  ensure
    begin
      _, @status = Process.waitpid2(@pid)
    rescue Errno::ECHILD
      nil
    end
  end

  # Ends everything: the connection, the worker (killed if still running), the socket's directory.
  def dispose
    @socket&.close
    @socket = nil
    kill unless @status
    @server&.close
    FileUtils.rm_rf(@dir) if @dir
  end

  def now_ms = Process.clock_gettime(Process::CLOCK_REALTIME, :millisecond)

  private

  def accept(timeout)
    deadline = now_ms + timeout * 1000
    until IO.select([@server], nil, nil, 0.05)
      _, @status = Process.waitpid2(@pid, Process::WNOHANG)
      raise Failure, "the worker exited (#{@status}) before it connected#{context_of_failure}" if @status
      raise Failure, "the worker did not connect within #{timeout} s#{context_of_failure}" if now_ms > deadline
    end
    @socket = @server.accept
    @socket.binmode
  end

  def drain(io, buffer)
    Thread.new do
      while (chunk = io.readpartial(65_536))
        @lock.synchronize { buffer << chunk.force_encoding(Encoding::BINARY) }
      end
    rescue EOFError, IOError
      io.close unless io.closed?
    end
  end

  def context_of_failure
    out = stdout[-2000..] || stdout
    err = stderr[-2000..] || stderr
    "\n  worker stdout: #{out.inspect}\n  worker stderr: #{err.inspect}"
  end
end

if $PROGRAM_NAME == __FILE__
  require 'optparse'

  event = '{"key1":"value1","key2":"value2","key3":"value3"}'
  count = 1
  timeout_ms = 30_000
  argv = OptionParser.new do |o|
    o.banner = 'usage: ruby fake_bridge.rb [--event JSON] [--count N] [--timeout-ms N] -- PROGRAM ARGS...'
    o.on('--event JSON') { |v| event = v }
    o.on('--count N', Integer) { |v| count = v }
    o.on('--timeout-ms N', Integer) { |v| timeout_ms = v }
  end.parse(ARGV)
  abort 'fake_bridge.rb: no worker command (after --)' if argv.empty?

  bridge = FakeBridge.new(argv)
  ok = true
  begin
    bridge.start
    type, payload = bridge.ready
    puts "#{type} #{payload}"
    ok = type == 'READY'
    count.times do
      break unless ok

      type, payload = bridge.invoke(event, deadline_ms: bridge.now_ms + timeout_ms)
      puts "#{type} #{payload}"
      ok = type == 'RESULT'
    end
    status = bridge.close
    puts "exit #{status.exitstatus || status}"
  rescue FakeBridge::Failure => e
    puts "FAILED: #{e.message}"
    ok = false
  ensure
    bridge.dispose
    $stderr.puts '--- worker stdout', bridge.stdout, '--- worker stderr', bridge.stderr
  end
  exit(ok ? 0 : 1)
end
