// `npm start`: runs the service from a bundle built by esbuild, rebuilt only when a source changed.
//
// Under tsx every TypeScript file is compiled (in a loader thread) at each start: about 3-5 s for
// the service's few hundred modules on a busy machine. The bundle (.build/, one file per entry,
// npm packages left as imports) starts in a fraction of that. It is checked against the
// modification times of every file that went into it (esbuild's metafile), esbuild's and Node's
// versions and the repository's place, and rebuilt in about a second when anything differs.
// Plain JavaScript, so that it needs no compiler itself.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.build');
const STAMP = join(OUT, 'stamp.json');
const ENTRIES = {
  server: 'src/server.ts',
  'matching-worker': 'src/matching-worker/worker.ts',
  'text-worker': 'src/matching-worker/text-worker.ts',
};

function esbuildVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules/esbuild/package.json'), 'utf8')).version;
}

/** The stamp of a build still matches the sources: nothing to do. */
function fresh() {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    if (stamp.root !== ROOT || stamp.node !== process.version || stamp.esbuild !== esbuildVersion()) return false;
    if (JSON.stringify(stamp.entries) !== JSON.stringify(ENTRIES)) return false;
    for (const [file, mtime] of Object.entries(stamp.inputs)) if (statSync(join(ROOT, file)).mtimeMs !== mtime) return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * A module's own address, written into the bundle in place of `import.meta.url`: files find what
 * lies beside them (migrations, the lexicon, the web client's sources) as they do under tsx.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

async function rebuild() {
  const { build } = await import('esbuild');
  const staging = `${OUT}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(ROOT, file)])),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    // Workers are started from the built files beside the server (src/matching-worker/entry.ts).
    define: { MUSUBI_BUILD_DIR: JSON.stringify(pathToFileURL(`${OUT}/`).href) },
    plugins: [ownUrl],
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const path = resolve(ROOT, file);
    inputs[relative(ROOT, path)] = statSync(path).mtimeMs;
  }
  writeFileSync(join(staging, 'stamp.json'), JSON.stringify({ root: ROOT, node: process.version, esbuild: esbuildVersion(), entries: ENTRIES, inputs }));
  // Swapped in whole, so that a second start at the same moment sees the old build or the new one.
  rmSync(OUT, { recursive: true, force: true });
  renameSync(staging, OUT);
}

if (!fresh()) {
  const started = performance.now();
  await rebuild();
  console.error(`Built the service bundle (.build/) in ${Math.round(performance.now() - started)} ms`);
}
await import(pathToFileURL(join(OUT, 'server.mjs')).href);
