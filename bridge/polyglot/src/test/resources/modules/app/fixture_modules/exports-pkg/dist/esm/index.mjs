export const format = 'esm'; export default { format: 'esm-default' };
