module.exports = 'feature a (cjs)';
