// The classic article's key count, as a Node.js-style CommonJS handler: {"result": N}, N = the event's
// top-level keys. Handler string: js:index.handler
exports.handler = async (event) => {
  const keys = event !== null && typeof event === 'object' && !Array.isArray(event) ? Object.keys(event).length : 0;
  console.log(`event has ${keys} keys`);
  return { result: keys };
};
