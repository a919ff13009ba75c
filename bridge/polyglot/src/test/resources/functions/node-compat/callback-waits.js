// a callback handler: the response waits for the event loop to empty (callbackWaitsForEmptyEventLoop), unless told not to
let timersRan = 0;
exports.handler = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = event.wait !== false;
  setTimeout(() => { timersRan++; }, 20);
  callback(null, { timersRanBefore: timersRan, waits: context.callbackWaitsForEmptyEventLoop });
};
