import { fileURLToPath } from 'node:url';

/**
 * Replaced by esbuild with the address of the built bundle's folder (scripts/start.mjs, `npm start`);
 * undefined when the service runs from its TypeScript sources under tsx (tests, tools, benchmarks).
 */
declare const MUSUBI_BUILD_DIR: string | undefined;

/** How to start one of the service's worker threads: its built file, or its source under tsx. */
export function workerEntry(built: 'matching-worker' | 'text-worker', source: URL): { filename: string; execArgv: string[] } {
  if (typeof MUSUBI_BUILD_DIR === 'string') return { filename: new URL(`${built}.mjs`, MUSUBI_BUILD_DIR).href, execArgv: [] };
  return { filename: source.href, execArgv: ['--import', 'tsx'] };
}

/** The built bundle's folder, or null under tsx. */
export function buildDir(): string | null {
  return typeof MUSUBI_BUILD_DIR === 'string' ? fileURLToPath(MUSUBI_BUILD_DIR) : null;
}
