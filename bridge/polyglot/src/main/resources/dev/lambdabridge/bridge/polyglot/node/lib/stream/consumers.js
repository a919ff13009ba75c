// stream/consumers: a stream's whole content as text, JSON, a Buffer or an ArrayBuffer (a few lines on async
// iteration, as Node's).
'use strict';
const { Buffer } = require('buffer');
async function buffer(stream) {
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer || chunk, chunk.byteOffset || 0, chunk.byteLength));
  }
  return Buffer.concat(chunks);
}
exports.buffer = buffer;
exports.text = async stream => (await buffer(stream)).toString('utf8');
exports.json = async stream => JSON.parse(await exports.text(stream));
exports.arrayBuffer = async stream => {
  const bytes = await buffer(stream);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};
