// The soak's js: function: does what the event's "fault" says.
exports.handler = async (event, context) => {
  const { nonce, fault } = event;
  switch (fault) {
    case 'ok':
      break;
    case 'throw':
      throw new TypeError('soak fault for nonce ' + nonce);
    case 'timeout':
      for (;;) {
        // until the bridge's watchdog cancels the context
      }
    case 'big':
      return { nonce, pad: 'x'.repeat(7 << 20) };
    case 'stdout-flood':
      for (let i = 0; i < 2000; i++) {
        console.log('flood '.repeat(20) + nonce);
      }
      break;
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve,
        Math.max(0, context.getRemainingTimeInMillis() - Number(event.lead || 900))));
      break;
    case 'oom': {
      const hoard = [];
      for (;;) {
        hoard.push(new Array(1 << 20).fill(nonce));
      }
    }
    default:
      throw new RangeError('unknown fault ' + fault);
  }
  return { nonce, fault };
};
