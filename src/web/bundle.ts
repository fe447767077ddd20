import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface Asset {
  body: Buffer;
  gzip: Buffer;
  type: string;
  etag: string;
}

export interface WebBundle {
  js: Asset;
  css: Asset;
}

const ENTRY = fileURLToPath(new URL('./client/main.tsx', import.meta.url));

function asset(body: Buffer, type: string): Asset {
  return { body, gzip: gzipSync(body, { level: 9 }), type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
}

/**
 * The web app, bundled in memory by esbuild from src/web/client (Preact, Pico CSS, Chart.js): no
 * build step to remember and nothing generated in the repository. Built once per process, on first
 * use (server.ts warms it at start-up).
 */
export async function buildWebBundle(): Promise<WebBundle> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020', 'chrome100', 'safari15', 'firefox100'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    write: false,
    outdir: 'out',
    logLevel: 'silent',
  });
  const file = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext));
  const js = file('.js');
  const css = file('.css');
  if (!js || !css) throw new Error('The web bundle has no JavaScript or no CSS output');
  return {
    js: asset(Buffer.from(js.contents), 'text/javascript; charset=utf-8'),
    css: asset(Buffer.from(css.contents), 'text/css; charset=utf-8'),
  };
}

let shared: Promise<WebBundle> | undefined;

/** The process's one bundle (a failed build is retried on the next call). */
export function webBundle(): Promise<WebBundle> {
  shared ??= buildWebBundle().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
