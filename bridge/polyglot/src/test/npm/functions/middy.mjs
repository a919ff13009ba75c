// @middy/core 7 (an ES module package, "import" condition only) with two middlewares.
import middy from '@middy/core';

const timing = () => ({
  before: (request) => { request.event.seen = ['before']; },
  after: (request) => { request.response.seen = [...request.event.seen, 'after']; },
});
const errors = () => ({
  onError: (request) => { request.response = { statusCode: 400, error: request.error.message }; },
});

export const handler = middy()
  .use(timing())
  .use(errors())
  .handler(async (event) => {
    if (event.fail) {
      throw new Error('asked to fail');
    }
    return { statusCode: 200, greeting: `hello ${event.name}` };
  });
