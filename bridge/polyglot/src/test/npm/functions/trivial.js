// The benchmark's baseline: no package, a small answer.
exports.handler = async (event) => ({ ok: true, keys: Object.keys(event).length });
