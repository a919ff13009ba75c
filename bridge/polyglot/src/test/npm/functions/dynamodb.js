// @aws-sdk/client-dynamodb v3 against the endpoint in DYNAMODB_ENDPOINT (dynalite in the tests).
const { DynamoDBClient, CreateTableCommand, PutItemCommand, GetItemCommand, DescribeTableCommand } =
  require('@aws-sdk/client-dynamodb');

const client = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT });
const TableName = process.env.TABLE_NAME || 'lambda-bridge-items';

async function ensureTable() {
  try {
    await client.send(new DescribeTableCommand({ TableName }));
  } catch (e) {
    if (e.name !== 'ResourceNotFoundException') {
      throw e;
    }
    await client.send(new CreateTableCommand({
      TableName,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
  }
}

exports.handler = async (event) => {
  await ensureTable();
  const id = event.id || 'item-1';
  await client.send(new PutItemCommand({ TableName, Item: { id: { S: id }, count: { N: String(event.count || 1) } } }));
  const { Item } = await client.send(new GetItemCommand({ TableName, Key: { id: { S: id } } }));
  return { id: Item.id.S, count: Number(Item.count.N) };
};
