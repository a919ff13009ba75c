module.exports = 'legacy index';
