module.exports = 'src/a';
