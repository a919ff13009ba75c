import cjs, { name } from './index.js';
import esm, { format } from 'exports-pkg';
import feature from 'exports-pkg/feature/a';
import scoped, { scoped as named } from '@scope/scoped';
import { sub } from '@scope/scoped/sub';
import cond from 'cond-pkg';
import legacy from 'legacy-dir';
import util from '#util';
import settings from './data/settings.json' with { type: 'json' };
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const dynamic = await import('main-pkg');
const events = await import('node:events');
export const result = { cjsName: cjs.name, name, esm: esm.format, format, feature, scoped, named, sub, cond, legacy,
  util: util.util, settings, required: require('cond-pkg'), url: import.meta.url,
  dynamic: dynamic.default.main, builtin: typeof events.EventEmitter, builtinDefault: typeof events.default.once };
export const later = () => import('main-pkg');
