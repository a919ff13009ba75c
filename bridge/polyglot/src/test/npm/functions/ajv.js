// ajv (CommonJS, main): validates the event against a JSON schema.
const Ajv = require('ajv');

const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile({
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 2 },
    age: { type: 'integer', minimum: 0 },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  },
  required: ['name', 'age'],
  additionalProperties: false,
});

exports.handler = async (event) => {
  const valid = validate(event);
  return { valid, errors: (validate.errors || []).map((e) => `${e.instancePath || '/'} ${e.message}`) };
};
