module.exports = { format: 'cjs', kind: 'node-require' };
