module.exports = 'src/sub/x';
