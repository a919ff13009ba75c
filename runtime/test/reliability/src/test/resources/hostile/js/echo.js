// js: echo: the event back as the result.
exports.handler = async (event) => event;
