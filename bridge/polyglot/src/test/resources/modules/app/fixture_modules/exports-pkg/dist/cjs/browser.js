module.exports = { format: 'cjs', kind: 'default' };
