export const handler = async (event, context) => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return { form: 'esm', keys: Object.keys(event).length, id: context.awsRequestId };
};
