import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup, type RollupLog } from 'rollup';
import { apexImports } from './apex-imports';

/**
 * Builds the package's real Lightning Web Components with LWC OSS into one browser script,
 * together with the base components, the stand-ins for what only runs inside Salesforce, and
 * the preview's own page components. A build is kept under a hash of everything that goes
 * into it, so an unchanged tree starts at once the second time.
 */

const ROOT = path.resolve(__dirname, '..');
const PACKAGE_COMPONENTS = path.join(ROOT, 'force-app', 'main', 'default', 'lwc');
const STAND_INS = path.join(__dirname, 'stand-ins');
const PAGE_COMPONENTS = path.join(__dirname, 'modules');
const ENTRY = path.join(__dirname, 'modules', 'preview', 'main', 'main.js');
const DEFAULT_OUT_DIR = path.join(ROOT, 'preview-dist');
const BUILD_NAME = /^[0-9a-f]{16}$/;
const LOCK_POLL_MS = 250;
const STALE_LOCK_MS = 3 * 60 * 1000;
const PINNED_PACKAGES = [
  'lwc',
  '@lwc/rollup-plugin',
  '@lwc/synthetic-shadow',
  'lightning-base-components',
];
const BASE_COMPONENTS = path.join(ROOT, 'node_modules', 'lightning-base-components');
// The base components trip these template and style warnings by design; they change nothing here.
const IGNORED_WARNINGS = ['LWC1149', 'LWC1057', 'LWC1137', 'LWC1145'];

export interface ComponentBuild {
  /** The folder that holds `app.js`. */
  dir: string;
  scriptFile: string;
  durationMs: number;
  fromCache: boolean;
}

export async function buildComponents(options: { outDir?: string } = {}): Promise<ComponentBuild> {
  const started = Date.now();
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const dir = path.join(outDir, sourceHash());
  const scriptFile = path.join(dir, 'app.js');
  const lock = `${dir}.lock`;
  mkdirSync(outDir, { recursive: true });
  // Test files start previews side by side: one of them builds, the others wait for its result.
  for (;;) {
    if (existsSync(scriptFile)) {
      return { dir, scriptFile, durationMs: Date.now() - started, fromCache: true };
    }
    if (takeLock(lock)) break;
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
  const staging = `${dir}.${process.pid}.${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    await bundle(path.join(staging, 'app.js'));
    publish(staging, dir);
    removeOtherBuilds(outDir, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(lock, { force: true });
  }
  return { dir, scriptFile, durationMs: Date.now() - started, fromCache: false };
}

/** A lock left by a build that died is taken over once it is older than any build takes. */
function takeLock(lock: string): boolean {
  try {
    closeSync(openSync(lock, 'wx'));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  try {
    if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { force: true });
  } catch {
    // The lock went away meanwhile: the next round takes it.
  }
  return false;
}

async function bundle(file: string): Promise<void> {
  const build = await rollup({
    input: ENTRY,
    plugins: [
      apexImports(),
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify('production'),
          'import.meta.env.SSR': 'false',
        },
      }),
      lwc({
        rootDir: ROOT,
        enableDynamicComponents: true,
        // lightning-combobox attaches ElementInternals, which synthetic shadow allows only when asked.
        enableSyntheticElementInternals: true,
        modules: [
          { dir: STAND_INS },
          { dir: PAGE_COMPONENTS },
          ...packageComponentRecords(),
          // The base components carry the user's locale for their own use; the package's components read it too.
          {
            name: '@salesforce/i18n/locale',
            path: path.join(BASE_COMPONENTS, 'scopedImports', '@salesforce-i18n-locale.js'),
          },
          { npm: 'lightning-base-components' },
        ],
      }),
      nodeResolve(),
    ],
    onwarn(warning: RollupLog, warn: (warning: RollupLog) => void) {
      // An import left unresolved would only fail later, in the browser.
      if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
      if (IGNORED_WARNINGS.some((code) => warning.message.includes(code))) return;
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  try {
    await build.write({ file, format: 'esm', inlineDynamicImports: true });
  } finally {
    await build.close();
  }
}

/** The package's components live in `lwc/<name>`, not `<namespace>/<name>`: map each to `c/<name>`. */
function packageComponentRecords(): Array<{ name: string; path: string }> {
  return readdirSync(PACKAGE_COMPONENTS)
    .filter((name) => existsSync(path.join(PACKAGE_COMPONENTS, name, `${name}.js`)))
    .map((name) => ({
      name: `c/${name}`,
      path: path.join(PACKAGE_COMPONENTS, name, `${name}.js`),
    }));
}

/** Another build may have finished the same hash meanwhile; theirs is as good as ours. */
function publish(staging: string, dir: string): void {
  if (existsSync(dir)) return;
  try {
    renameSync(staging, dir);
  } catch (error) {
    if (!existsSync(dir)) throw error;
  }
}

/** Builds of earlier sources are never used again. */
function removeOtherBuilds(outDir: string, keep: string): void {
  for (const name of readdirSync(outDir)) {
    const full = path.join(outDir, name);
    if (full !== keep && BUILD_NAME.test(name)) rmSync(full, { recursive: true, force: true });
  }
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const folder of [PACKAGE_COMPONENTS, STAND_INS, PAGE_COMPONENTS]) {
    for (const file of filesUnder(folder)) {
      hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  for (const file of [path.join(__dirname, 'build.ts'), path.join(__dirname, 'apex-imports.ts')]) {
    hash.update(readFileSync(file));
  }
  for (const name of PINNED_PACKAGES) {
    hash.update(`${name}@${installedVersion(name)}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = path.join(folder, name);
      if (name === '__tests__') return [];
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

function installedVersion(name: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'),
  ) as {
    version?: string;
  };
  return manifest.version ?? 'unknown';
}
