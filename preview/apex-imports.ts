import path from 'node:path';
import type { Plugin } from 'rollup';

/**
 * Turns `import m from '@salesforce/apex/Class.method'` into a function that POSTs the
 * parameters to the preview's Apex adapter, usable imperatively and with @wire, so the
 * components build unchanged.
 */

const APEX_PREFIX = '@salesforce/apex/';
const VIRTUAL_PREFIX = '\0preview-apex:';
const APEX_NAME = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)$/;
const APEX_RUNTIME = path.join(__dirname, 'modules', 'preview', 'apex', 'apex.js');

export function apexImports(): Plugin {
  return {
    name: 'preview-apex-imports',
    resolveId(source) {
      return source.startsWith(APEX_PREFIX)
        ? VIRTUAL_PREFIX + source.slice(APEX_PREFIX.length)
        : null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL_PREFIX)) return null;
      const name = id.slice(VIRTUAL_PREFIX.length);
      const match = APEX_NAME.exec(name);
      if (!match) {
        this.error(`'${APEX_PREFIX}${name}' is not an Apex method import (expected Class.method).`);
      }
      const [, className, methodName] = match;
      return [
        `import { apexMethod } from ${JSON.stringify(APEX_RUNTIME)};`,
        `export default apexMethod(${JSON.stringify(className)}, ${JSON.stringify(methodName)});`,
      ].join('\n');
    },
  };
}
