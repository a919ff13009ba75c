# The benchmark's stdlib-heavy handler (scripts/bench-polyglot --ruby-stdlib): an API Gateway order request,
# parsed with json, its time read with time, hashed with digest and openssl, encoded with base64, checked
# with set, answered with a JSON body. The same file runs on AWS's Ruby runtime client (CRuby) and on ruby:.
require 'json'
require 'time'
require 'digest'
require 'openssl'
require 'base64'
require 'securerandom'
require 'set'

SECRET = 'benchmark-secret'

def handler(event:, context:)
  order = JSON.parse(event['body'])
  received = Time.strptime(event['requestContext']['time'], '%d/%b/%Y:%H:%M:%S %z')
  items = order['items']
  total_cents = items.sum { |item| (Float(item['price']) * 100).round * item['qty'] }
  skus = items.map { |item| item['sku'] }.to_set
  digest = Digest::SHA256.hexdigest(event['body'])
  signature = Base64.strict_encode64(OpenSSL::HMAC.digest('SHA256', SECRET, digest))
  body = { 'orderId' => SecureRandom.uuid, 'customer' => order['customer'], 'totalCents' => total_cents,
           'distinctSkus' => skus.size, 'duplicates' => items.size - skus.size,
           'receivedAt' => received.utc.iso8601(3), 'dueBy' => (received + 86_400 * 3).utc.iso8601,
           'signature' => signature }
  { 'statusCode' => 200, 'headers' => { 'Content-Type' => 'application/json', 'ETag' => digest[0, 16] },
    'body' => JSON.generate(body) }
end
