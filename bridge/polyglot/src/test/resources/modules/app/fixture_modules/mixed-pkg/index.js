module.exports = 'mixed';
