export default { handler: async () => ({ from: 'default' }) };
