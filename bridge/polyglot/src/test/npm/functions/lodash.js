// lodash (CommonJS, main): groups, sorts and templates the event's orders.
const _ = require('lodash');

const line = _.template('<%= customer %>: <%= count %> order(s), <%= total %>');

exports.handler = async (event) => {
  const orders = event.orders || [];
  const byCustomer = _.groupBy(orders, 'customer');
  const summary = _.sortBy(Object.entries(byCustomer).map(([customer, list]) => ({
    customer, count: list.length, total: _.round(_.sumBy(list, 'amount'), 2),
  })), ['total']).reverse();
  return {
    lines: summary.map((s) => line(s)),
    chunks: _.chunk(_.map(orders, 'id'), 2),
    deep: _.merge({ a: { b: 1 } }, { a: { c: [1, 2] } }),
    camel: _.camelCase('Lambda Bridge in-process'),
  };
};
