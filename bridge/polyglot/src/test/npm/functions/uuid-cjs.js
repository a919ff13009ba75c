// uuid 14 from CommonJS: an ES-module-only package (exports, "node" condition), loaded by require() as Node 22 allows.
const { v4, v5, validate, version, NIL } = require('uuid');

exports.handler = async (event) => {
  const random = v4();
  return {
    v5: v5(event.name || 'lambda-bridge', v5.URL),
    randomIsValid: validate(random),
    randomVersion: version(random),
    nil: NIL,
  };
};
