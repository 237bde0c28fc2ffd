/**
 * Jest transformer for ESM-only packages under node_modules (the @nestjs/* 12 packages, file-type,
 * uuid, ...). Node runs them through require(esm) at run time, but Jest's own module loader only
 * supports require(esm) from Node 24.9 on (https://jestjs.io/docs/ecmascript-modules), so on older
 * Node the tests load a CommonJS transpilation of those files instead. CommonJS files pass through.
 */
/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- Jest loads transformers as CommonJS. */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const VERSION = '3';
const packageTypeByDir = new Map();

function packageType(dir) {
  if (packageTypeByDir.has(dir)) return packageTypeByDir.get(dir);
  let type = 'commonjs';
  const manifest = path.join(dir, 'package.json');
  if (fs.existsSync(manifest)) {
    try {
      type = JSON.parse(fs.readFileSync(manifest, 'utf8')).type ?? 'commonjs';
    } catch {
      type = 'commonjs';
    }
  } else {
    const parent = path.dirname(dir);
    type = parent === dir ? 'commonjs' : packageType(parent);
  }
  packageTypeByDir.set(dir, type);
  return type;
}

function isEsm(file) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  return packageType(path.dirname(file)) === 'module';
}

module.exports = {
  getCacheKey(source, file) {
    return `${VERSION}:${file}:${crypto.createHash('sha1').update(source).digest('hex')}`;
  },
  process(source, file) {
    if (!isEsm(file)) return { code: source };
    const patched = source
      .replace(/\bimport\.meta\.url\b/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/\bimport\.meta\.dirname\b/g, '__dirname')
      .replace(/\bimport\.meta\.filename\b/g, '__filename')
      // `import.meta.resolve` (e.g. @nestjs/terminus checking its peers) resolves like require.resolve.
      .replace(/\bimport\.meta\.resolve\(/g, 'require.resolve(')
      // `const require = createRequire(import.meta.url)` would redeclare CommonJS's own require,
      // which already resolves from this file.
      .replace(/^(const|let|var)\s+require\s*=/gm, 'const __esmCreatedRequire =');
    const { outputText } = ts.transpileModule(patched, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
        sourceMap: false,
      },
    });
    return { code: outputText };
  },
};
