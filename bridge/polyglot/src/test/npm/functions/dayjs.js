// dayjs with its utc plugin (CommonJS, main and a subpath file).
const dayjs = require('dayjs');
const utc = require('dayjs/plugin/utc');

dayjs.extend(utc);

exports.handler = async (event) => {
  const start = dayjs.utc(event.start || '2024-01-15T10:00:00Z');
  return {
    iso: start.toISOString(),
    plus: start.add(3, 'day').add(90, 'minute').format('YYYY-MM-DD HH:mm'),
    startOfMonth: start.startOf('month').format(),
    diffDays: dayjs.utc('2024-03-01').diff(start, 'day'),
    weekday: start.day(),
  };
};
