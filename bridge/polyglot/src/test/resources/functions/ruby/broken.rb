# Test handler whose file fails to load: AWS's Ruby runtime reports it as Init<LoadError> with the backtrace.
require 'json'

def helper_that_requires
  require 'a_gem_that_is_not_there'
end

helper_that_requires

def handler(event:, context:)
  {}
end
