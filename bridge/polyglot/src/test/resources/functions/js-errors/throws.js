const limit = Number('x');
if (Number.isNaN(limit)) {
  throw new RangeError('limit is not a number');
}
exports.handler = async () => limit;
