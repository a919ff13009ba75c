# The soak's ruby: function (TruffleRuby in the runtime's JVM): does what the event's "fault" says.
def handler(event:, context:)
  nonce = event['nonce']
  fault = event['fault']
  case fault
  when 'ok'
  when 'throw'
    raise ArgumentError, "soak fault for nonce #{nonce}"
  when 'timeout'
    loop { } # until the bridge's watchdog stops the context
  when 'big'
    return { 'nonce' => nonce, 'pad' => 'x' * (7 << 20) }
  when 'stdout-flood'
    2000.times { puts(('flood ' * 20) + nonce) }
  when 'slow'
    sleep([0, context.get_remaining_time_in_millis - (event['lead'] || 900).to_i].max / 1000.0)
  else
    raise RangeError, "unknown fault #{fault}"
  end
  { 'nonce' => nonce, 'fault' => fault }
end
