// lambda-api with routes, parameters, a query string, a JSON body and a 404 (API Gateway REST events).
const api = require('lambda-api')({ version: 'v1', logger: false });

api.get('/users/:id', async (req) => ({ id: req.params.id, fields: req.query.fields || null }));
api.post('/users', async (req, res) => res.status(201).json({ created: req.body.name }));
api.get('/health', async () => ({ ok: true }));

exports.handler = async (event, context) => api.run(event, context);
