export default 'cond-pkg esm';
