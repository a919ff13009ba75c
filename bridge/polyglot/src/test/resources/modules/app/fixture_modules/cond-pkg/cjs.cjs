module.exports = 'cond-pkg cjs';
