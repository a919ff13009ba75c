// uuid 14 from an ES module: exports with the "node" and "import" conditions.
import { v4, v5, validate, version, NIL } from 'uuid';

export const handler = async (event) => {
  const random = v4();
  return {
    v5: v5(event.name || 'lambda-bridge', v5.URL),
    randomIsValid: validate(random),
    randomVersion: version(random),
    nil: NIL,
  };
};
