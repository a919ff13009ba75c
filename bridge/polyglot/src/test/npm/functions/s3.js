// @aws-sdk/client-s3 v3 against the endpoint in S3_ENDPOINT (s3rver in the tests; path-style addressing).
const { S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, HeadBucketCommand } =
  require('@aws-sdk/client-s3');

const client = new S3Client({ endpoint: process.env.S3_ENDPOINT, forcePathStyle: true });
const Bucket = process.env.BUCKET || 'lambda-bridge-bucket';

exports.handler = async (event) => {
  try {
    await client.send(new HeadBucketCommand({ Bucket }));
  } catch (e) {
    await client.send(new CreateBucketCommand({ Bucket }));
  }
  const Key = event.key || 'hello.txt';
  await client.send(new PutObjectCommand({ Bucket, Key, Body: event.text || 'hello', ContentType: 'text/plain' }));
  const object = await client.send(new GetObjectCommand({ Bucket, Key }));
  return { key: Key, text: await object.Body.transformToString(), type: object.ContentType };
};
