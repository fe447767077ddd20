// A worker thread's first module, in plain JavaScript. Under tsx (tests, tools), the worker's
// TypeScript entry is required: on Node 20, tsx given in a worker's execArgv compiles what is
// required, not what is imported (piscina loads its tasks the same way). From the built bundle
// (npm start) the entry is JavaScript and imported.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';

const { entry } = workerData;
if (entry.endsWith('.ts')) createRequire(import.meta.url)(fileURLToPath(entry));
else await import(entry);
