// State across invocations: module variables live as long as the runtime's process (as in Node.js), so the
// count goes up by one per invocation until the next cold start. Handler string: js:counter.handler
let invocations = 0;
const startedAt = new Date().toISOString();

export const handler = async (event, context) => {
  invocations += 1;
  return { invocations, startedAt, requestId: context.awsRequestId };
};
