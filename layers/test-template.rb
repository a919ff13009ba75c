#!/usr/bin/env ruby
# usage: layers/test-template.rb [TEMPLATE]
#   Checks samples/template.yaml (or TEMPLATE) against the build, without AWS: it parses (Psych, Ruby's YAML; SAM's
#   short forms !Ref/!Sub/!If... are local tags, which Psych drops, keeping their values); every function's
#   CodeUri is a directory; its Handler resolves (a Java class file in the code, or the script/program/module an
#   exec:/worker:/js:/ruby: handler names); every layer it names is a LayerVersion of the template whose
#   ContentUri is a zip scripts/build-layers makes, or a parameter for a layer recipe in layers/ (php, ruby); the
#   layers a handler's scheme needs are there, first java-runtime for a Java handler and java-runtime-compact for
#   an exec:/worker:/js:/ruby: one; every sample of the functions.json files is deployed.
#   Needs the build (scripts/build) for the Java classes and the Go programs; the layer zips themselves, and each
#   function's layers under Lambda's 250 MB unzipped, are checked only when layers/target holds them.
require 'yaml'
require 'json'

REPO = File.expand_path('..', __dir__)
template_path = ARGV[0] || File.join(REPO, 'samples/template.yaml')
base = File.dirname(File.expand_path(template_path))
$failures = 0
def ok(msg) = puts("ok   #{msg}")
def fail(msg) = (puts("FAIL #{msg}"); $failures += 1)
def check(cond, msg, why = nil) = cond ? ok(msg) : fail(why ? "#{msg}: #{why}" : msg)

template = YAML.safe_load(File.read(template_path), aliases: true)
check(template.is_a?(Hash) && template['Transform'] == 'AWS::Serverless-2016-10-31', 'template parses as a SAM template')
resources = template.fetch('Resources')
params = template.fetch('Parameters', {})
check(params.dig('Runtime', 'Default') == 'provided.al2', 'default runtime provided.al2')
check(params.dig('Runtime', 'AllowedValues')&.include?('provided.al2023'), 'provided.al2023 allowed')
check(File.read(template_path).include?('provided.al2023'), 'the template says how to switch to provided.al2023')

built_layers = File.read(File.join(REPO, 'scripts/build-layers'))[/^ALL_LAYERS="([^"]*)"/, 1].split
layer_resources = resources.select { |_, r| r['Type'] == 'AWS::Serverless::LayerVersion' }
layer_names = {} # resource name -> build layer name
layer_resources.each do |name, r|
  uri = r.dig('Properties', 'ContentUri').to_s
  built = uri[%r{\A\.\./layers/target/([a-z0-9-]+)\.zip\z}, 1]
  check(built && built_layers.include?(built), "layer #{name}: ContentUri #{uri} is a zip of scripts/build-layers",
        "layers made: #{built_layers.join(' ')}")
  layer_names[name] = built
  zip = File.expand_path(uri, base)
  ok("layer #{name}: #{zip} exists") if File.exist?(zip)
end
recipe_params = { 'PhpLayerArn' => 'php', 'RubyLayerArn' => 'ruby', 'PythonLayerArn' => 'python', 'NodeLayerArn' => 'node' }
recipe_of_program = { 'python3' => 'python' } # an interpreter's name -> its recipe's folder, where they differ
recipe_params.each_value { |d| check(File.exist?(File.join(REPO, "layers/#{d}/build-layer.sh")), "recipe layers/#{d} exists") }

def java_class?(code, cls)
  path = cls.tr('.', '/') + '.class'
  return true if File.file?(File.join(code, path))
  Dir[File.join(code, 'lib', '*.jar')].any? { |jar| `unzip -Z1 #{jar} 2>/dev/null`.split("\n").include?(path) }
end

functions = resources.select { |_, r| r['Type'] == 'AWS::Serverless::Function' }
check(functions.size >= 15, "#{functions.size} functions")
deployed = []
functions.each do |name, r|
  props = r['Properties']
  code = File.expand_path(props['CodeUri'].to_s, base)
  check(File.directory?(code), "#{name}: CodeUri #{props['CodeUri']} is a directory")
  handler = props['Handler'].to_s
  deployed << handler
  layers = Array(props['Layers'])
  built = layers.map { |l| layer_names[l] || (recipe_params.key?(l) ? "recipe:#{recipe_params[l]}" : nil) }
  layers.zip(built).each do |l, b|
    check(b, "#{name}: layer #{l} is one the build makes or a layer recipe's parameter")
  end
  scheme, spec = handler.include?(':') && handler =~ /\A(exec|worker|js|ruby):(.*)\z/ ? [$1, $2] : [nil, handler]
  # a Java function on java-runtime (the JRE that runs frameworks); the bridges' stacks on java-runtime-compact
  # (they must fit Lambda's 250 MB unzipped with the function's code)
  runtime_layer = scheme ? 'java-runtime-compact' : 'java-runtime'
  check(built.first == runtime_layer, "#{name}: #{runtime_layer} is its first layer", "its layers: #{built.join(', ')}")
  zips = built.compact.reject { |b| b.start_with?('recipe:') }.map { |b| File.join(REPO, 'layers/target', "#{b}.zip") }
  if zips.all? { |z| File.exist?(z) }
    unzipped = zips.sum { |z| `unzip -Zt #{z}`.split[2].to_i }
    check(unzipped < 250 * 1024 * 1024, "#{name}: its layers of scripts/build-layers are #{(unzipped / 1048576.0).round(1)} MB unzipped, under Lambda's 250 MB")
  end
  case scheme
  when 'exec', 'worker'
    check(built.include?('process-bridge'), "#{name}: #{scheme}: has the process-bridge layer")
    program, *args = spec.split(' ')
    if program.start_with?('./')
      check(File.executable?(File.join(code, program)), "#{name}: #{handler}: #{program} is an executable in the code")
    else
      check(built.include?("recipe:#{recipe_of_program.fetch(program, program)}"),
            "#{name}: #{handler}: the #{program} interpreter layer is attached")
      script = args.find { |a| a =~ /\.(php|rb|py|js|mjs|cjs)\z/ }
      check(script && File.file?(File.join(code, script)), "#{name}: #{handler}: #{script} is in the code")
    end
  when 'js'
    mod = spec.rpartition('.').first
    check(%w[.js .mjs .cjs].any? { |e| File.file?(File.join(code, mod + e)) }, "#{name}: #{handler}: #{mod}.js/.mjs/.cjs in the code")
    check((built & %w[polyglot-base polyglot-js]).size == 2, "#{name}: polyglot-base and polyglot-js attached")
    check(!built.include?('polyglot-ruby'), "#{name}: a JS function does not carry Ruby")
  when 'ruby'
    file = spec.split('.').first
    check(File.file?(File.join(code, file + '.rb')), "#{name}: #{handler}: #{file}.rb in the code")
    check((built & %w[polyglot-base polyglot-ruby]).size == 2, "#{name}: polyglot-base and polyglot-ruby attached")
    check(!(built.include?('polyglot-ruby-aot') && built.include?('polyglot-compiler')),
          "#{name}: polyglot-ruby-aot and polyglot-compiler are not both attached (the JVM refuses the cache with the compiler)")
  else
    cls = spec.split('::').first
    check(java_class?(code, cls), "#{name}: #{handler}: class #{cls} in the code (#{props['CodeUri']})")
  end
end

%w[samples/functions.json samples/scripts/functions.json samples/polyglot/functions.json samples/apps/functions.json samples/ops/functions.json].each do |f|
  JSON.parse(File.read(File.join(REPO, f))).each do |fn|
    check(deployed.include?(fn['handler']), "#{f}: #{fn['name']} (#{fn['handler']}) is in the template")
  end
end

# scripts/serve-api serves this template's Api and HttpApi events locally: each one must have what it reads.
functions.each do |name, r|
  (r.dig('Properties', 'Events') || {}).each do |event_name, e|
    next unless %w[Api HttpApi].include?(e['Type'])
    props = e['Properties'] || {}
    if e['Type'] == 'Api'
      check(props['Path'] && props['Method'], "#{name} #{event_name}: an Api event has Path and Method")
    else
      check(%w[1.0 2.0].include?(props.fetch('PayloadFormatVersion', '2.0').to_s),
            "#{name} #{event_name}: PayloadFormatVersion is \"1.0\" or \"2.0\"")
    end
  end
end

puts "layers/test-template.rb: #{$failures} failure(s)"
exit($failures.zero? ? 0 : 1)
