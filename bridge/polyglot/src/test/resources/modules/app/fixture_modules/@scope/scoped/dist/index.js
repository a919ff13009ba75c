export const scoped = 'esm via type module'; export default 'scoped default';
