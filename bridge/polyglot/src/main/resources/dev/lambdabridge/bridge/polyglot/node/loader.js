// lambda-bridge's module loader: how the function's code is found and loaded, as Node.js 22 does it.
// Evaluates to (requireBuiltin, host, options) => loader. `requireBuiltin` is the built-in registry (built-ins are
// never files); `host` reads the file system (ModuleHost.java: stat, read, realpath, compile, esm); options give
// the task root and the global folders (NODE_PATH). CommonJS is implemented here in full; ES modules are parsed
// and linked by GraalJS, which asks `resolveImport` for every specifier (EsmResolution.java says why).
(function (requireBuiltin, host, options) {
  'use strict';

  const FILE = 1;
  const DIRECTORY = 2;
  const REFUSED = -1;
  const NOT_FOUND = 0;

  // ---- paths (POSIX only: Lambda is Linux) ----
  function dirname(path) {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
  }
  function normalize(path) {
    const out = [];
    for (const part of path.split('/')) {
      if (part === '' || part === '.') {
        continue;
      }
      if (part === '..') {
        out.pop();
      } else {
        out.push(part);
      }
    }
    return '/' + out.join('/');
  }
  function join(base, relative) {
    return normalize(relative.startsWith('/') ? relative : base + '/' + relative);
  }
  function isRelative(request) {
    return request === '.' || request === '..' || request.startsWith('./') || request.startsWith('../')
        || request.startsWith('/');
  }

  // ---- file system probes (a refusal by the sandbox is remembered, so that errors can say so) ----
  const statCache = new Map();
  let lastRefusal = null;
  function stat(path) {
    let kind = statCache.get(path);
    if (kind === undefined) {
      kind = host.stat(path);
      statCache.set(path, kind);
    }
    if (kind === REFUSED) {
      lastRefusal = path;
      return NOT_FOUND;
    }
    return kind;
  }
  const packageJsonCache = new Map();
  function readPackageJson(dir) {
    const file = dir + '/package.json';
    if (packageJsonCache.has(file)) {
      return packageJsonCache.get(file);
    }
    let pkg = null;
    if (stat(file) === FILE) {
      const text = host.read(file);
      try {
        pkg = JSON.parse(text);
      } catch (e) {
        const error = nodeError(Error, 'ERR_INVALID_PACKAGE_CONFIG', 'Invalid package config ' + file + '.');
        throw error;
      }
      if (pkg === null || typeof pkg !== 'object') {
        pkg = {};
      }
      pkg.__path = file;
    }
    packageJsonCache.set(file, pkg);
    return pkg;
  }
  /** The nearest package.json above `dir` (Node's LOOKUP_PACKAGE_SCOPE), stopping at node_modules. */
  function packageScope(dir) {
    for (let d = dir; ; d = dirname(d)) {
      if (d.endsWith('/node_modules')) {
        return null;
      }
      const pkg = readPackageJson(d === '/' ? '' : d);
      if (pkg !== null) {
        return pkg;
      }
      if (d === '/') {
        return null;
      }
    }
  }

  // ---- errors, with Node's codes and words ----
  /** An error of Node's own with a code: its stack's first line is "Name [CODE]: message", as Node writes it. */
  function nodeError(Type, code, message) {
    const error = new Type(message);
    error.code = code;
    const head = error.name + ': ' + message;
    const stack = String(error.stack);
    error.stack = error.name + ' [' + code + ']: ' + message + (stack.startsWith(head) ? stack.slice(head.length) : '');
    return error;
  }
  function moduleNotFound(request, parent) {
    const stack = [];
    for (let m = parent; m; m = m.parent) {
      if (m.filename) {
        stack.push(m.filename);
      }
    }
    let message = "Cannot find module '" + request + "'";
    if (stack.length > 0) {
      message += '\nRequire stack:\n- ' + stack.join('\n- ');
    }
    const error = new Error(message);
    error.code = 'MODULE_NOT_FOUND';
    error.requireStack = stack;
    return error;
  }
  function withRefusal(error, request) {
    // a path the function named outright, refused by the sandbox: say so rather than only "not found"
    if (lastRefusal !== null && isRelative(request)) {
      error.message += '\n(' + host.refusal(lastRefusal) + ')';
      error.stack = error.name + ': ' + error.message;
    }
    return error;
  }
  function packagePathNotExported(subpath, pkgPath, base, conditions) {
    const pkgDir = dirname(pkgPath);
    const error = nodeError(Error, 'ERR_PACKAGE_PATH_NOT_EXPORTED', subpath === '.'
        ? 'No "exports" main defined in ' + pkgPath
        : "Package subpath '" + subpath + "' is not defined by \"exports\" in " + pkgPath
          + (base ? ' imported from ' + base : ''));
    error.conditions = conditions;
    error.pkgDir = pkgDir;
    return error;
  }
  function invalidPackageTarget(target, key, pkgPath) {
    const error = nodeError(Error, 'ERR_INVALID_PACKAGE_TARGET', 'Invalid "' + (key.startsWith('#') ? 'imports' : 'exports') + '" target '
        + JSON.stringify(target) + ' defined for \'' + key + "' in the package config " + pkgPath);
    return error;
  }
  function importNotDefined(specifier, pkgPath, base) {
    const error = nodeError(TypeError, 'ERR_PACKAGE_IMPORT_NOT_DEFINED', 'Package import specifier "' + specifier + '" is not defined'
        + (pkgPath ? ' in package ' + pkgPath : '') + (base ? ' imported from ' + base : ''));
    return error;
  }

  // ---- package.json "exports" and "imports", as Node's resolution algorithm specifies them ----
  function isConditionalSugar(exports, pkgPath) {
    if (typeof exports === 'string' || Array.isArray(exports) || exports === null || typeof exports !== 'object') {
      return true;
    }
    let dots = 0;
    let others = 0;
    for (const key of Object.keys(exports)) {
      if (key.startsWith('.')) {
        dots++;
      } else {
        others++;
      }
    }
    if (dots > 0 && others > 0) {
      const error = nodeError(Error, 'ERR_INVALID_PACKAGE_CONFIG', 'Invalid package config ' + pkgPath + '. "exports" cannot contain some keys starting '
          + "with '.' and some not. The exports object must either be an object of package subpath keys or an "
          + 'object of main entry condition name keys only.');
      throw error;
    }
    return dots === 0;
  }
  /** Node's PATTERN_KEY_COMPARE: longer prefixes first, then longer keys. */
  function patternKeyCompare(a, b) {
    const aStar = a.indexOf('*');
    const bStar = b.indexOf('*');
    const aBase = aStar === -1 ? a.length : aStar + 1;
    const bBase = bStar === -1 ? b.length : bStar + 1;
    if (aBase > bBase) {
      return -1;
    }
    if (bBase > aBase) {
      return 1;
    }
    if (aStar === -1) {
      return 1;
    }
    if (bStar === -1) {
      return -1;
    }
    if (a.length > b.length) {
      return -1;
    }
    if (b.length > a.length) {
      return 1;
    }
    return 0;
  }
  const INVALID_SEGMENT = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))?(\\|\/|$)/i;
  /** PACKAGE_TARGET_RESOLVE: a path inside the package directory, null (no match) or an error. */
  function resolveTarget(pkgDir, target, patternMatch, isImports, conditions, key, pkgPath) {
    if (typeof target === 'string') {
      if (!target.startsWith('./')) {
        if (isImports && !target.startsWith('../') && !target.startsWith('/')) {
          const request = patternMatch === null ? target : target.split('*').join(patternMatch);
          return { bare: request };
        }
        throw invalidPackageTarget(target, key, pkgPath);
      }
      if (INVALID_SEGMENT.test(target.slice(2))) {
        throw invalidPackageTarget(target, key, pkgPath);
      }
      const resolvedTarget = join(pkgDir, target);
      if (patternMatch === null) {
        return { path: resolvedTarget };
      }
      if (INVALID_SEGMENT.test(patternMatch)) {
        const error = nodeError(TypeError, 'ERR_INVALID_MODULE_SPECIFIER', 'Invalid module "' + patternMatch + '" request is not a valid match in pattern "'
            + key + '" for the "' + (isImports ? 'imports' : 'exports') + '" resolution of ' + pkgPath);
        throw error;
      }
      return { path: join(pkgDir, target.split('*').join(patternMatch)) };
    }
    if (Array.isArray(target)) {
      if (target.length === 0) {
        return null;
      }
      let lastError = null;
      for (const item of target) {
        try {
          const resolved = resolveTarget(pkgDir, item, patternMatch, isImports, conditions, key, pkgPath);
          if (resolved !== undefined && resolved !== null) {
            return resolved;
          }
          lastError = null;
        } catch (e) {
          if (e.code !== 'ERR_INVALID_PACKAGE_TARGET') {
            throw e;
          }
          lastError = e;
        }
      }
      if (lastError !== null) {
        throw lastError;
      }
      return null;
    }
    if (target !== null && typeof target === 'object') {
      for (const condition of Object.keys(target)) {
        if (/^\d+$/.test(condition)) {
          const error = nodeError(Error, 'ERR_INVALID_PACKAGE_CONFIG', 'Invalid package config ' + pkgPath + '. "exports" cannot contain numeric '
              + 'property keys.');
          throw error;
        }
      }
      for (const condition of Object.keys(target)) {
        if (condition === 'default' || conditions.includes(condition)) {
          const resolved = resolveTarget(pkgDir, target[condition], patternMatch, isImports, conditions, key,
              pkgPath);
          if (resolved === undefined) {
            continue;
          }
          return resolved;
        }
      }
      return undefined;
    }
    if (target === null) {
      return null;
    }
    throw invalidPackageTarget(target, key, pkgPath);
  }
  /** PACKAGE_IMPORTS_EXPORTS_RESOLVE: matchKey in a map of subpaths (exact, then the best pattern). */
  function resolveImportsExports(matchKey, matchObj, pkgDir, isImports, conditions, pkgPath) {
    if (Object.prototype.hasOwnProperty.call(matchObj, matchKey) && !matchKey.includes('*')) {
      return resolveTarget(pkgDir, matchObj[matchKey], null, isImports, conditions, matchKey, pkgPath);
    }
    const keys = Object.keys(matchObj).filter(k => k.indexOf('*') !== -1 && k.indexOf('*') === k.lastIndexOf('*'))
        .sort(patternKeyCompare);
    for (const key of keys) {
      const star = key.indexOf('*');
      const base = key.slice(0, star);
      const trailer = key.slice(star + 1);
      if (matchKey.startsWith(base) && matchKey !== base
          && (trailer.length === 0 || (matchKey.endsWith(trailer) && matchKey.length >= key.length))) {
        const patternMatch = matchKey.slice(base.length, matchKey.length - trailer.length);
        return resolveTarget(pkgDir, matchObj[key], patternMatch, isImports, conditions, key, pkgPath);
      }
    }
    return null;
  }
  /** PACKAGE_EXPORTS_RESOLVE: subpath is "." or "./x"; returns an absolute path or throws Node's error. */
  function resolveExports(pkgDir, subpath, pkg, conditions, base) {
    let exports = pkg.exports;
    if (isConditionalSugar(exports, pkg.__path)) {
      exports = { '.': exports };
    }
    const resolved = resolveImportsExports(subpath, exports, pkgDir, false, conditions, pkg.__path);
    if (resolved && resolved.path) {
      return resolved.path;
    }
    throw packagePathNotExported(subpath, pkg.__path, base, conditions);
  }
  /** PACKAGE_IMPORTS_RESOLVE: "#name" from the package scope of `fromDir`. */
  function resolvePackageImports(specifier, fromDir, conditions, base) {
    if (specifier === '#' || specifier.startsWith('#/')) {
      const error = nodeError(TypeError, 'ERR_INVALID_MODULE_SPECIFIER', 'Invalid module "' + specifier + '" is not a valid internal imports specifier name'
          + (base ? ' imported from ' + base : ''));
      throw error;
    }
    const pkg = packageScope(fromDir);
    if (pkg !== null && pkg.imports && typeof pkg.imports === 'object') {
      const resolved = resolveImportsExports(specifier, pkg.imports, dirname(pkg.__path), true, conditions,
          pkg.__path);
      if (resolved) {
        return resolved;
      }
    }
    throw importNotDefined(specifier, pkg && pkg.__path, base);
  }

  // ---- CommonJS resolution (Node's require.resolve algorithm) ----
  const REQUIRE_CONDITIONS = ['node', 'require'];
  const IMPORT_CONDITIONS = ['node', 'import'];
  const extensions = ['.js', '.json', '.node'];

  function loadAsFile(path) {
    if (stat(path) === FILE) {
      return path;
    }
    for (const ext of extensions) {
      if (stat(path + ext) === FILE) {
        return path + ext;
      }
    }
    return null;
  }
  function loadIndex(dir) {
    for (const ext of extensions) {
      if (stat(dir + '/index' + ext) === FILE) {
        return dir + '/index' + ext;
      }
    }
    return null;
  }
  function loadAsDirectory(dir) {
    if (stat(dir) !== DIRECTORY) {
      return null;
    }
    const pkg = readPackageJson(dir);
    if (pkg !== null && typeof pkg.main === 'string' && pkg.main !== '') {
      const main = join(dir, pkg.main);
      const found = loadAsFile(main) || loadIndex(main) || loadIndex(dir);
      if (found) {
        return found;
      }
      const error = new Error("Cannot find module '" + main + "'. Please verify that the package.json has a valid "
          + '"main" entry');
      error.code = 'MODULE_NOT_FOUND';
      error.path = pkg.__path;
      error.requestPath = main;
      throw error;
    }
    return loadIndex(dir);
  }
  /** ['@scope/name' or 'name', './sub' or '.'], or null when the request is not a valid package name. */
  function splitPackage(request) {
    let end = request.indexOf('/');
    if (request.startsWith('@')) {
      if (end === -1) {
        return null;
      }
      end = request.indexOf('/', end + 1);
    }
    const name = end === -1 ? request : request.slice(0, end);
    return [name, end === -1 ? '.' : '.' + request.slice(end)];
  }
  /** node_modules folders from `dir` up to /, as Node's Module._nodeModulePaths lists them. */
  function nodeModulePaths(dir) {
    const paths = [];
    for (let d = dir; ; d = dirname(d)) {
      if (!d.endsWith('/node_modules')) {
        paths.push((d === '/' ? '' : d) + '/node_modules');
      }
      if (d === '/') {
        return paths;
      }
    }
  }
  function loadPackageSelf(request, fromDir, conditions, base) {
    const pkg = packageScope(fromDir);
    if (pkg === null || pkg.exports === undefined || pkg.exports === null || typeof pkg.name !== 'string') {
      return null;
    }
    if (request !== pkg.name && !request.startsWith(pkg.name + '/')) {
      return null;
    }
    return resolveExports(dirname(pkg.__path), '.' + request.slice(pkg.name.length), pkg, conditions, base);
  }
  function loadNodeModules(request, paths, conditions, base) {
    const split = splitPackage(request);
    for (const dir of paths) {
      if (stat(dir) !== DIRECTORY) {
        continue;
      }
      if (split !== null) {
        const pkgDir = dir + '/' + split[0];
        const pkg = readPackageJson(pkgDir);
        if (pkg !== null && pkg.exports !== undefined && pkg.exports !== null) {
          return resolveExports(pkgDir, split[1], pkg, conditions, base);
        }
      }
      const found = loadAsFile(dir + '/' + request) || loadAsDirectory(dir + '/' + request);
      if (found) {
        return found;
      }
    }
    return null;
  }
  const globalPaths = options.globalPaths;

  /** The absolute path that `request` names from `parent` (a module, or null), or Node's error. */
  function resolveFilename(request, parent, searchPaths) {
    if (typeof request !== 'string') {
      const error = nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "id" argument must be of type string. Received ' + describe(request));
      throw error;
    }
    if (request === '') {
      const error = nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'id' must be a non-empty string. Received ''");
      throw error;
    }
    lastRefusal = null;
    const fromDir = parent && parent.filename ? dirname(parent.filename) : options.taskRoot;
    let found = null;
    if (isRelative(request)) {
      const bases = searchPaths || [fromDir];
      for (const base of bases) {
        const path = join(base, request);
        found = (request.endsWith('/') ? null : loadAsFile(path)) || loadAsDirectory(path);
        if (found) {
          break;
        }
      }
    } else if (request.startsWith('#')) {
      const resolved = resolvePackageImports(request, fromDir, REQUIRE_CONDITIONS, parent && parent.filename);
      if (resolved.bare !== undefined) {
        return resolveFilename(resolved.bare, parent, searchPaths);
      }
      found = loadAsFile(resolved.path) || resolved.path;
    } else {
      found = loadPackageSelf(request, fromDir, REQUIRE_CONDITIONS, parent && parent.filename);
      if (!found) {
        const paths = searchPaths
            ? searchPaths.flatMap(p => nodeModulePaths(p)).concat(globalPaths)
            : (parent && parent.paths ? parent.paths : nodeModulePaths(fromDir)).concat(globalPaths);
        found = loadNodeModules(request, paths, REQUIRE_CONDITIONS, parent && parent.filename);
      }
    }
    if (!found || stat(found) !== FILE) {
      throw withRefusal(moduleNotFound(request, parent), request);
    }
    return host.realpath(found);
  }
  function describe(value) {
    if (value === null || value === undefined) {
      return String(value);
    }
    if (typeof value === 'function') {
      return 'function ' + value.name;
    }
    if (typeof value === 'object') {
      return 'an instance of ' + (value.constructor && value.constructor.name || 'Object');
    }
    return 'type ' + typeof value + ' (' + String(value) + ')';
  }

  // ---- CommonJS modules ----
  const cache = Object.create(null);
  const builtinModules = requireBuiltin.builtinModules || [];

  class Module {
    constructor(id, parent) {
      this.id = id;
      this.path = dirname(id);
      this.exports = {};
      this.filename = null;
      this.loaded = false;
      this.children = [];
      this.paths = [];
      this.parent = parent;
      if (parent && parent.children) {
        parent.children.push(this);
      }
    }
    require(request) {
      return requireFrom(request, this);
    }
  }
  Module.builtinModules = builtinModules;
  Module._cache = cache;
  Module.isBuiltin = name => isBuiltin(name);
  Module.createRequire = filename => makeRequire(moduleFor(filenameOf(filename)));

  function isBuiltin(name) {
    if (name === 'module' || name === 'node:module') {
      return true;
    }
    return typeof name === 'string' && typeof requireBuiltin.isBuiltin === 'function' && requireBuiltin.isBuiltin(name);
  }
  function loadBuiltin(name) {
    if (name === 'module' || name === 'node:module') {
      return Module;
    }
    return requireBuiltin(name);
  }
  function filenameOf(value) {
    const text = String(value);
    if (text.startsWith('file://')) {
      return decodeURIComponent(text.slice('file://'.length));
    }
    return text;
  }
  /** A module object for a path that may not be loaded (createRequire, the ESM side's require). */
  function moduleFor(filename) {
    const m = new Module(filename, null);
    m.filename = filename;
    m.paths = nodeModulePaths(dirname(filename));
    m.loaded = true;
    return m;
  }

  function requireFrom(request, parent) {
    if (typeof request === 'string' && (request.startsWith('node:') || isBuiltin(request))) {
      return loadBuiltin(request);
    }
    const filename = resolveFilename(request, parent);
    const cached = cache[filename];
    if (cached !== undefined) {
      return cached.exports;
    }
    const module = new Module(filename, parent);
    module.filename = filename;
    module.paths = nodeModulePaths(dirname(filename));
    cache[filename] = module;
    let threw = true;
    try {
      loadInto(module);
      threw = false;
    } finally {
      if (threw) {
        delete cache[filename];
        if (parent && parent.children) {
          const i = parent.children.indexOf(module);
          if (i >= 0) {
            parent.children.splice(i, 1);
          }
        }
      }
    }
    return module.exports;
  }

  function loadInto(module) {
    const filename = module.filename;
    if (filename.endsWith('.json')) {
      const text = host.read(filename);
      try {
        module.exports = JSON.parse(stripBom(text));
      } catch (e) {
        e.message = filename + ': ' + e.message;
        throw e;
      }
    } else if (filename.endsWith('.node')) {
      const error = nodeError(Error, 'ERR_DLOPEN_FAILED', 'Cannot load native addon ' + filename + ': native addons (.node files) need Node.js '
          + 'itself; the in-process JavaScript runtime runs JavaScript only');
      throw error;
    } else if (isEsmFile(filename)) {
      module.exports = requireEsm(filename, module);
    } else {
      const wrapper = host.compile(filename, stripShebang(stripBom(host.read(filename))));
      const require = makeRequire(module);
      wrapper.call(module.exports, module.exports, require, module, filename, dirname(filename));
    }
    module.loaded = true;
  }
  function stripBom(text) {
    return text.charCodeAt(0) === 0xFEFF ? text.slice(1) : text;
  }
  function stripShebang(text) {
    return text.startsWith('#!') ? '//' + text.slice(2) : text;
  }

  function makeRequire(module) {
    const require = request => requireFrom(request, module);
    require.resolve = (request, opts) => {
      if (typeof request === 'string' && (request.startsWith('node:') || isBuiltin(request))) {
        if (request.startsWith('node:') && !isBuiltin(request)) {
          return loadBuiltin(request); // throws Node's ERR_UNKNOWN_BUILTIN_MODULE
        }
        return request;
      }
      const paths = opts && Array.isArray(opts.paths) ? opts.paths.map(p => join(dirname(module.filename || '/'), p))
          : undefined;
      return resolveFilename(request, module, paths);
    };
    require.resolve.paths = request => {
      if (isBuiltin(request)) {
        return null;
      }
      if (isRelative(request)) {
        return [module.filename ? dirname(module.filename) : options.taskRoot];
      }
      return (module.paths || []).concat(globalPaths);
    };
    require.cache = cache;
    require.main = mainModule;
    require.extensions = Object.freeze({ '.js': null, '.json': null, '.node': null });
    return require;
  }

  // ---- which files are ES modules: .mjs, or .js under a package.json with "type": "module" ----
  function isEsmFile(filename) {
    if (filename.endsWith('.mjs')) {
      return true;
    }
    if (filename.endsWith('.cjs') || !filename.endsWith('.js')) {
      return false;
    }
    const pkg = packageScope(dirname(filename));
    return pkg !== null && pkg.type === 'module';
  }

  // ---- ES modules: GraalJS links them, and asks us where each specifier is ----
  // require(esm), as Node 22.12+ allows it for an ES module graph without top-level await: the namespace.
  function requireEsm(filename, module) {
    return host.esm(filename, metaPrologue(filename));
  }

  // Node's import.meta.dirname, filename and resolve(): GraalJS's import.meta has url only, so the module's
  // source gets them on its first line as GraalJS reads it (ModuleFileSystem.prologue; line numbers kept)
  const ESM_RESOLVE = Symbol.for('lambda-bridge.esm-resolve');
  Object.defineProperty(globalThis, ESM_RESOLVE, {
    value: (referrer, specifier) => {
      const resolved = resolveImport(referrer, String(specifier));
      if (resolved.builtin !== undefined) {
        return resolved.builtin.startsWith('node:') ? resolved.builtin : 'node:' + resolved.builtin;
      }
      const path = resolved.esm || resolved.cjs || resolved.json;
      return 'file://' + encodeURI(path).replace(/[?#]/g, encodeURIComponent);
    },
  });
  function metaPrologue(filename) {
    const file = JSON.stringify(filename);
    return 'import.meta.dirname = ' + JSON.stringify(dirname(filename)) + '; import.meta.filename = ' + file
        + "; import.meta.resolve = (specifier) => globalThis[Symbol.for('lambda-bridge.esm-resolve')](" + file
        + ', specifier); ';
  }
  const prologued = new Set();

  /** ESM_RESOLVE for `specifier` imported from the ES module at `referrer` (a path, or null): a path to load. */
  function resolveImport(referrer, specifier) {
    const base = referrer ? filenameOf(referrer) : options.taskRoot + '/';
    const fromDir = referrer ? dirname(base) : options.taskRoot;
    if (specifier.startsWith('node:') || isBuiltin(specifier)) {
      loadBuiltin(specifier); // Node's ERR_UNKNOWN_BUILTIN_MODULE for an unknown node: name
      return { builtin: specifier };
    }
    if (specifier.startsWith('file://')) {
      return importedFile(filenameOf(specifier), specifier, base);
    }
    if (isRelative(specifier)) {
      return importedFile(join(fromDir, specifier), specifier, base);
    }
    if (specifier.startsWith('#')) {
      const resolved = resolvePackageImports(specifier, fromDir, IMPORT_CONDITIONS, base);
      return resolved.bare !== undefined ? resolveImport(referrer, resolved.bare)
          : importedFile(resolved.path, specifier, base);
    }
    if (/^[a-zA-Z][a-zA-Z\d+\-.]*:/.test(specifier)) {
      const error = nodeError(Error, 'ERR_UNSUPPORTED_ESM_URL_SCHEME', 'Only URLs with a scheme in: file, data, and node are supported by the default ESM '
          + "loader. Received protocol '" + specifier.slice(0, specifier.indexOf(':') + 1) + "'");
      throw error;
    }
    const split = splitPackage(specifier);
    if (split === null || split[0].startsWith('.') || split[0].includes('\\') || split[0].includes('%')) {
      const error = nodeError(TypeError, 'ERR_INVALID_MODULE_SPECIFIER', 'Invalid module "' + specifier + '" is not a valid package name imported from '
          + base);
      throw error;
    }
    const self = loadPackageSelf(specifier, fromDir, IMPORT_CONDITIONS, base);
    if (self) {
      return importedFile(self, specifier, base);
    }
    // no NODE_PATH here: Node's ES module resolution looks only in node_modules folders up the tree
    for (const dir of nodeModulePaths(fromDir)) {
      const pkgDir = dir + '/' + split[0];
      if (stat(pkgDir) !== DIRECTORY) {
        continue;
      }
      const pkg = readPackageJson(pkgDir);
      if (pkg !== null && pkg.exports !== undefined && pkg.exports !== null) {
        return importedFile(resolveExports(pkgDir, split[1], pkg, IMPORT_CONDITIONS, base), specifier, base);
      }
      if (split[1] === '.') {
        // legacy main resolution (Node's LEGACY_MAIN_RESOLVE): main, main.js, main/index.js, then index.js
        const found = (pkg && typeof pkg.main === 'string' && (loadAsFile(join(pkgDir, pkg.main))
            || loadIndex(join(pkgDir, pkg.main)))) || loadIndex(pkgDir);
        if (found) {
          return importedFile(found, specifier, base);
        }
        break;
      }
      return importedFile(join(pkgDir, split[1]), specifier, base);
    }
    const error = nodeError(Error, 'ERR_MODULE_NOT_FOUND', "Cannot find package '" + split[0] + "' imported from " + base);
    throw error;
  }
  function importedFile(path, specifier, base) {
    const kind = stat(path);
    if (kind === DIRECTORY) {
      const error = nodeError(Error, 'ERR_UNSUPPORTED_DIR_IMPORT', "Directory import '" + path + "' is not supported resolving ES modules imported from "
          + base);
      throw error;
    }
    if (kind !== FILE) {
      const error = nodeError(Error, 'ERR_MODULE_NOT_FOUND', "Cannot find module '" + path + "' imported from " + base);
      throw error;
    }
    const real = host.realpath(path);
    if (real.endsWith('.json')) {
      return { json: real };
    }
    return isEsmFile(real) ? { esm: real } : { cjs: real };
  }

  /** The exports of a CommonJS module imported from an ES module (default: module.exports). */
  function importCommonJs(filename) {
    const cached = cache[filename];
    if (cached !== undefined) {
      return cached.exports;
    }
    return requireFrom(filename, null);
  }

  // The facade of a CommonJS module, a JSON file or a built-in, imported from an ES module: an ES module whose
  // default export is module.exports and whose named exports are module.exports' own enumerable properties (Node
  // finds those by a static scan, cjs-module-lexer; here they are read after the module ran, at link time).
  const FACADE_SOURCE = Symbol.for('lambda-bridge.esm-facade');
  Object.defineProperty(globalThis, FACADE_SOURCE, {
    value: (kind, key) => kind === 'builtin' ? loadBuiltin(key) : cache[key].exports,
  });
  const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
  function facade(kind, key, exports) {
    const lines = ['const m = globalThis[Symbol.for(\'lambda-bridge.esm-facade\')](' + JSON.stringify(kind) + ', '
        + JSON.stringify(key) + ');', 'export default m;'];
    if (kind !== 'json' && exports !== null && (typeof exports === 'object' || typeof exports === 'function')) {
      let i = 0;
      for (const name of Object.keys(exports)) {
        if (name !== 'default' && IDENTIFIER.test(name)) {
          lines.push('const e' + i + ' = m[' + JSON.stringify(name) + ']; export { e' + i + ' as ' + name + ' };');
          i++;
        }
      }
    }
    const name = kind === 'builtin' ? 'builtin/' + key.replace(/^node:/, '') + '.mjs' : 'cjs' + key + '.mjs';
    return host.facade(name, lines.join('\n'));
  }
  /** GraalJS's question for each import: the path of the ES module to load for `specifier` from `referrer`. */
  function esmLookup(referrer, specifier) {
    const resolved = resolveImport(referrer, specifier);
    if (resolved.esm !== undefined) {
      if (!prologued.has(resolved.esm)) {
        prologued.add(resolved.esm);
        host.prologue(resolved.esm, metaPrologue(resolved.esm));
      }
      return resolved.esm;
    }
    if (resolved.builtin !== undefined) {
      return facade('builtin', resolved.builtin, loadBuiltin(resolved.builtin));
    }
    if (resolved.json !== undefined) {
      return resolved.json; // GraalJS's JSON modules (import ... with { type: 'json' }, as Node requires it)
    }
    return facade('cjs', resolved.cjs, importCommonJs(resolved.cjs));
  }

  let mainModule;
  return {
    esmLookup,
    Module,
    resolveImport,
    importCommonJs,
    loadBuiltin,
    isEsmFile,
    makeRequire: filename => makeRequire(moduleFor(filenameOf(filename))),
    /**
     * Loads the function's module (a path). Returns its state: {settled, value, error}, settled at once for
     * CommonJS (or thrown), and when its evaluation (top-level await included) ends for an ES module, which is
     * loaded by import() as Node.js's runtime loads it (value: the namespace).
     */
    loadMain(filename) {
      if (isEsmFile(filename)) {
        const state = { settled: false, failed: false, value: undefined, error: undefined };
        import(filename).then(namespace => {
          state.settled = true;
          state.value = namespace;
        }, error => {
          state.settled = true;
          state.failed = true;
          state.error = error;
        });
        return state;
      }
      const module = new Module('.', null);
      module.filename = filename;
      module.paths = nodeModulePaths(dirname(filename));
      mainModule = module;
      cache[filename] = module;
      try {
        loadInto(module);
      } catch (e) {
        delete cache[filename];
        throw e;
      }
      return { settled: true, failed: false, value: module.exports, error: undefined };
    },
    resolveFilename,
    nodeModulePaths,
  };
})
