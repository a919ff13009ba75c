import { x } from 'no-such-package';
export const handler = async () => x;
