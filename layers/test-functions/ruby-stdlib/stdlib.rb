# The standard library a Lambda function commonly uses, each library exercised with fixed inputs so that the
# report is the same on every Ruby that implements it the same way: layers/test-layers.sh runs this file as a
# ruby: function on TruffleRuby from the layers, and with CRuby (Debian's ruby), and compares the two reports.
# A library that fails reports "ERROR <class>: <message>" in place of its value.
require 'json'

module StdlibReport
  CHECKS = {
    'json' => -> {
      text = JSON.generate('a' => [1, 2.5, nil, true], 'b' => "\u00e9\n\"q\"")
      [text, JSON.parse(text) == { 'a' => [1, 2.5, nil, true], 'b' => "\u00e9\n\"q\"" }, JSON.pretty_generate('k' => [1])]
    },
    'time' => -> {
      require 'time'
      t = Time.parse('2024-02-29T12:34:56.789+02:00')
      [t.utc.iso8601(3), Time.iso8601('2024-01-01T00:00:00Z').to_i, Time.at(86_400 * 365).utc.httpdate,
       Time.strptime('03/12/2026 10:05 +0100', '%d/%m/%Y %H:%M %z').utc.strftime('%Y-%m-%d %H:%M'), Time.rfc2822('Thu, 03 Dec 2026 10:05:00 +0000').to_i]
    },
    'date' => -> {
      require 'date'
      d = Date.new(2024, 2, 29)
      [d.next_month.to_s, d >> 12, Date.parse('2024-03-01').yday, (Date.new(2025, 1, 1) - d).to_i, d.cwday,
       DateTime.new(2024, 1, 2, 3, 4, 5).iso8601, Date.valid_date?(2023, 2, 29)].map(&:to_s)
    },
    'securerandom' => -> {
      require 'securerandom'
      [SecureRandom.hex(8).size, SecureRandom.uuid.match?(/\A\h{8}-\h{4}-4\h{3}-[89ab]\h{3}-\h{12}\z/),
       SecureRandom.random_bytes(5).bytesize, SecureRandom.base64(6).size]
    },
    'digest' => -> {
      require 'digest'
      [Digest::SHA256.hexdigest('lambda'), Digest::MD5.hexdigest('lambda'), Digest::SHA1.base64digest('lambda'),
       Digest::SHA512.hexdigest('')[0, 16]]
    },
    'base64' => -> {
      require 'base64'
      [Base64.strict_encode64("lambda\xff".b), Base64.urlsafe_encode64("\xfb\xff".b), Base64.decode64('aGk=')]
    },
    'set' => -> {
      require 'set'
      s = Set[3, 1, 2]
      [s.sort, s.subset?(Set[1, 2, 3, 4]), (s | Set[5]).size, s.include?(2)]
    },
    'uri' => -> {
      require 'uri'
      u = URI.parse('https://user@example.com:8443/p/a%20b?q=1&r=x#frag')
      [u.scheme, u.userinfo, u.host, u.port, u.path, u.query, u.fragment, URI.encode_www_form(a: 'b c', d: '&'),
       URI.join('https://example.com/a/b', '../c').to_s, URI.decode_www_form_component('x%2By+z')]
    },
    'logger' => -> {
      require 'logger'
      require 'stringio'
      out = StringIO.new
      log = Logger.new(out, level: :info, formatter: ->(severity, _time, prog, msg) { "#{severity} #{prog}: #{msg}\n" })
      log.progname = 'fn'
      log.debug('hidden')
      log.info('shown')
      log.warn { 'lazy' }
      out.string
    },
    'erb' => -> {
      require 'erb'
      ERB.new("<% items.each do |i| -%>\n<%= i * 2 %>,<% end %> <%= ERB::Util.html_escape('<b>') %>", trim_mode: '-')
         .result_with_hash(items: [1, 2])
    },
    'openssl' => -> {
      require 'openssl'
      cipher = OpenSSL::Cipher.new('aes-128-cbc').encrypt
      cipher.key = 'k' * 16
      cipher.iv = 'i' * 16
      encrypted = cipher.update('secret message') + cipher.final
      decipher = OpenSSL::Cipher.new('aes-128-cbc').decrypt
      decipher.key = 'k' * 16
      decipher.iv = 'i' * 16
      [OpenSSL::HMAC.hexdigest('SHA256', 'key', 'data'), OpenSSL::Digest.new('SHA256').hexdigest('x'),
       [encrypted].pack('m0'), decipher.update(encrypted) + decipher.final,
       OpenSSL::PKCS5.pbkdf2_hmac('pw', 'salt', 1000, 16, 'sha256').unpack1('H*'), OpenSSL::BN.new(97).prime?]
    },
    'net/http' => -> {
      require 'net/http'
      require 'socket'
      server = TCPServer.new('127.0.0.1', 0)
      serving = Thread.new do
        client = server.accept
        request = client.gets("\r\n\r\n")
        client.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
        client.close
        request.lines.first.strip
      end
      response = Net::HTTP.get_response(URI("http://127.0.0.1:#{server.addr[1]}/path?x=1"))
      first_line = serving.value
      server.close
      [response.code, response['content-type'], response.body, first_line]
    },
    'bigdecimal' => -> {
      require 'bigdecimal'
      require 'bigdecimal/util'
      [(BigDecimal('0.1') + BigDecimal('0.2')).to_s('F'), BigDecimal('1').div(BigDecimal('3'), 20).to_s,
       BigDecimal('123.456').round(2).to_s('F'), '2.50'.to_d.to_f, BigDecimal('1e-20').exponent]
    },
    'csv' => -> {
      require 'csv'
      table = CSV.parse("name,qty\nwidget,\"1,5\"\n\"quoted \"\"x\"\"\",2\n", headers: true)
      [table.map(&:to_h), CSV.generate_line(['a', 'b,c', nil, 'd"e']), CSV.parse_line('1;2;3', col_sep: ';')]
    },
    'yaml' => -> {
      require 'yaml'
      doc = { 'a' => [1, 'two', nil], 'b' => { 'c' => true, 'd' => 1.5 } }
      [YAML.dump(doc), YAML.safe_load("a: [1, b]\nc: {d: e}\n"), YAML.load(YAML.dump(doc)) == doc]
    },
    'stringio' => -> {
      require 'stringio'
      io = StringIO.new(+"line one\nline two\n")
      first = io.gets
      io.write('X')
      [first, io.read, io.string, io.pos]
    },
    'zlib' => -> {
      require 'zlib'
      require 'stringio'
      data = 'lambda ' * 50
      gz = StringIO.new(+'')
      writer = Zlib::GzipWriter.new(gz)
      writer.write(data)
      writer.close
      [Zlib.crc32('abc'), Zlib.adler32('abc'), Zlib::Inflate.inflate(Zlib::Deflate.deflate(data)) == data,
       Zlib::GzipReader.new(StringIO.new(gz.string)).read == data]
    },
    'fileutils' => -> {
      require 'fileutils'
      require 'tmpdir'
      dir = File.join(Dir.tmpdir, "stdlib-report-#{Process.pid}")
      FileUtils.rm_rf(dir)
      FileUtils.mkdir_p(File.join(dir, 'a', 'b'))
      File.write(File.join(dir, 'a', 'b', 'f.txt'), 'content')
      FileUtils.cp_r(File.join(dir, 'a'), File.join(dir, 'copy'))
      FileUtils.mv(File.join(dir, 'copy', 'b', 'f.txt'), File.join(dir, 'moved.txt'))
      listed = Dir.glob('**/*', base: dir).sort
      text = File.read(File.join(dir, 'moved.txt'))
      FileUtils.rm_rf(dir)
      [listed, text, File.exist?(dir)]
    },
    'tempfile' => -> {
      require 'tempfile'
      path = nil
      text = Tempfile.create(['report', '.txt']) do |f|
        path = f.path
        f.write('temp content')
        f.flush
        [File.basename(f.path).end_with?('.txt'), File.read(f.path)]
      end
      text + [File.exist?(path)]
    },
    'thread' => -> {
      queue = Queue.new
      threads = 4.times.map { |i| Thread.new { queue << i * i; i } }
      [threads.map(&:value), 4.times.map { queue.pop }.sort, Mutex.new.synchronize { :locked }.to_s]
    }
  }.freeze

  def self.report
    CHECKS.to_h do |name, check|
      value = begin
        check.call
      rescue Exception => e # rubocop:disable Lint/RescueException: LoadError is a ScriptError
        "ERROR #{e.class}: #{e.message[0, 300]}"
      end
      [name, JSON.parse(JSON.generate([value]))[0]]
    end
  end
end

# As a function: the report, then which native libraries the process mapped for openssl and psych, and from where
def handler(event:, context:)
  report = StdlibReport.report
  mapped = File.readlines('/proc/self/maps').map { |line| line.split.last }
  report.merge('native_libs' => mapped.grep(/lib(yaml|ssl|crypto)[-.]/).uniq.sort)
end

puts JSON.generate(StdlibReport.report) if $PROGRAM_NAME == __FILE__
