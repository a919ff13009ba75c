# Test handler: what a function may do in the default sandbox (host access closed): files in the task root and
# /tmp, threads, sockets and the network; and what it may not: processes, Java.
require 'fileutils'
require 'tempfile'
require 'net/http'
require 'socket'

def handler(event:, context:)
  case event['action']
  when 'spawn' then { out: `echo hi` }
  when 'system' then { ran: system('true') }
  when 'java' then { type: Java.type('java.lang.System').to_s }
  when 'missing' then undefined_in_this_file
  else files_threads_and_network
  end
end

def files_threads_and_network
  dir = File.join(Dir.tmpdir, "access-#{Process.pid}-#{rand(1_000_000)}")
  FileUtils.mkdir_p(File.join(dir, 'sub'))
  File.write(File.join(dir, 'sub', 'a.txt'), 'written in /tmp')
  copied = File.join(dir, 'b.txt')
  FileUtils.cp(File.join(dir, 'sub', 'a.txt'), copied)
  temp = Tempfile.create('access') { |f| f.write('temp'); f.flush; File.read(f.path) }
  result = { own_source: File.read(__FILE__).include?('files_threads_and_network'),
             task_root: Dir.children(__dir__).include?('access.rb'),
             tmp: File.read(copied), listed: Dir.glob(File.join(dir, '**', '*.txt')).map { |p| File.basename(p) }.sort,
             tempfile: temp, thread: Thread.new { 6 * 7 }.value, http: http_round_trip }
  FileUtils.rm_rf(dir)
  result.merge(removed: !File.exist?(dir))
end

# A socket server on a thread and Net::HTTP against it: sockets and threads together.
def http_round_trip
  server = TCPServer.new('127.0.0.1', 0)
  serving = Thread.new do
    client = server.accept
    client.gets("\r\n\r\n")
    client.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
    client.close
  end
  body = Net::HTTP.get(URI("http://127.0.0.1:#{server.addr[1]}/"))
  serving.join
  server.close
  body
end
