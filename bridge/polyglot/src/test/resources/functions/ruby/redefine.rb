# Test handler: answers {"word": "quiet"}; the event "shout" first requires a file that redefines String#to_json,
# which the bridge's own writer must notice (it then leaves the result to to_json).
def handler(event:, context:)
  require_relative 'lib/shouting_json' if event == 'shout'
  { 'word' => 'quiet' }
end
