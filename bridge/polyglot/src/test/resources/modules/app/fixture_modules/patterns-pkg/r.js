module.exports = 'r';
