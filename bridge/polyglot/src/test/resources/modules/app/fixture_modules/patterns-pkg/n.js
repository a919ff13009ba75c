module.exports = 'n (node, then require)';
