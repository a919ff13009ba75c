await new Promise((resolve) => setTimeout(resolve, 1));
await Promise.reject(new TypeError('configuration failed'));
export const handler = async () => 1;
