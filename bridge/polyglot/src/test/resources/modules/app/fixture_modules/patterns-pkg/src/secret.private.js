module.exports = 'private';
