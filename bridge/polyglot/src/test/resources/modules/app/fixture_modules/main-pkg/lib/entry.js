module.exports = { main: 'entry' };
