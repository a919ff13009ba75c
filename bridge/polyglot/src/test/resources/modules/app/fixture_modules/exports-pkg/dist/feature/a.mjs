export default 'feature a (esm)';
