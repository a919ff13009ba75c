#!/usr/bin/env node
export const meta = { url: import.meta.url, dirname: import.meta.dirname, filename: import.meta.filename,
  resolved: import.meta.resolve('cond-pkg'), builtin: import.meta.resolve('events'), line: new Error('here').stack };
