# usage: ruby layers/tools/vendor-gems.rb FUNCTION_DIR ABI
#
# Lays out the gems of FUNCTION_DIR's Gemfile in FUNCTION_DIR/vendor/bundle/ruby/ABI as `bundle install
# --deployment` does (gems/NAME-VERSION, specifications/NAME-VERSION.gemspec, .bundle/config with BUNDLE_PATH and
# BUNDLE_DEPLOYMENT, a Gemfile.lock), from the gems installed on this machine (Debian's ruby-* packages and Ruby's
# own gems) instead of rubygems.org, which the tests cannot reach: Bundler (Debian's ruby) resolves the Gemfile
# with `bundle lock --local`, then each locked gem's installed directory and gemspec are copied. ABI is the Ruby
# the function runs on (3.3.0 for TruffleRuby 25, as for Lambda's ruby3.3), not this machine's.
require 'bundler'
require 'bundler/cli'
require 'fileutils'

dir, abi = ARGV
abort 'usage: ruby layers/tools/vendor-gems.rb FUNCTION_DIR ABI' unless dir && abi && File.file?(File.join(dir, 'Gemfile'))
# A gem's directory; for a Debian package that put its files in vendor_ruby instead (dpkg -L lists them), lib/
# made of those files.
def copy_gem(spec, dest)
  return FileUtils.cp_r(spec.full_gem_path, dest) if File.directory?(spec.full_gem_path)
  package = `dpkg -S #{spec.loaded_from}`.split(':').first
  vendor_ruby = '/usr/lib/ruby/vendor_ruby/'
  files = `dpkg -L #{package}`.lines.map(&:chomp).select { |f| f.start_with?(vendor_ruby) && File.file?(f) }
  abort "vendor-gems: no files of #{spec.full_name} (package #{package.inspect})" if files.empty?
  files.each do |file|
    FileUtils.mkdir_p(File.dirname(File.join(dest, 'lib', file.delete_prefix(vendor_ruby))))
    FileUtils.cp(file, File.join(dest, 'lib', file.delete_prefix(vendor_ruby)))
  end
end

Dir.chdir(dir) do
  ENV['BUNDLE_GEMFILE'] = File.expand_path('Gemfile')
  ENV['BUNDLE_APP_CONFIG'] = File.expand_path('.bundle')
  Bundler::CLI.start(%w[lock --local])
  lock = Bundler::LockfileParser.new(File.read('Gemfile.lock'))
  target = File.join('vendor', 'bundle', 'ruby', abi)
  FileUtils.mkdir_p([File.join(target, 'gems'), File.join(target, 'specifications')])
  lock.specs.each do |locked|
    spec = Gem::Specification.find_by_name(locked.name, locked.version.to_s)
    copy_gem(spec, File.join(target, 'gems', spec.full_name))
    spec.require_paths = ['lib'] unless File.directory?(spec.full_gem_path)
    File.write(File.join(target, 'specifications', "#{spec.full_name}.gemspec"), spec.to_ruby)
  end
  FileUtils.mkdir_p('.bundle')
  File.write('.bundle/config', %(---\nBUNDLE_DEPLOYMENT: "true"\nBUNDLE_PATH: "vendor/bundle"\n))
  puts "vendor-gems: #{lock.specs.map(&:full_name).sort.join(' ')} in #{File.join(dir, target)}"
end
