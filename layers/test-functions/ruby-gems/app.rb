# A function with its gems in vendor/bundle (as `bundle install --deployment` lays them out), loaded through
# Bundler as on AWS's Ruby runtime: the aws-sdk-s3 gem against the S3 endpoint of S3_ENDPOINT (a local emulator
# in layers/test-layers.sh).
require 'bundler/setup'
require 'aws-sdk-s3'
require 'json'

S3 = Aws::S3::Client.new(endpoint: ENV.fetch('S3_ENDPOINT'), region: 'us-east-1', force_path_style: true,
                         credentials: Aws::Credentials.new('S3RVER', 'S3RVER'))

def handler(event:, context:)
  bucket = event.fetch('bucket')
  S3.create_bucket(bucket: bucket)
  S3.put_object(bucket: bucket, key: 'greeting.json', body: JSON.generate(hello: event.fetch('name')))
  object = S3.get_object(bucket: bucket, key: 'greeting.json')
  { 'read' => JSON.parse(object.body.read), 'keys' => S3.list_objects_v2(bucket: bucket).contents.map(&:key),
    'sdk' => Aws::S3::GEM_VERSION, 'bundler' => defined?(Bundler) ? Bundler::VERSION : nil,
    'gem_dir' => Gem.loaded_specs['aws-sdk-s3'].full_gem_path.sub(Dir.pwd, '$LAMBDA_TASK_ROOT') }
end
