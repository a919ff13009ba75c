module.exports = { util: true, filename: __filename, dirname: __dirname, id: module.id };
