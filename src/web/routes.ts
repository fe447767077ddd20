import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptsGzip } from '../http/compress.ts';
import { webBundle, type Asset } from './bundle.ts';
import { SERVICE_WORKER } from './service-worker.ts';

function page(js: Asset, css: Asset): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Musubi</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css?v=${css.etag.slice(1, -1)}">
<script type="module" src="/app.js?v=${js.etag.slice(1, -1)}"></script>
</head>
<body>
<div id="app"><noscript>Musubi needs JavaScript. / Musubi-д JavaScript хэрэгтэй. / JavaScriptを有効にしてください。</noscript></div>
</body>
</html>
`;
}

function send(request: FastifyRequest, reply: FastifyReply, asset: Asset) {
  reply.header('etag', asset.etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding').type(asset.type);
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  if (acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.body);
}

/**
 * The web app: one page at /, its script and its style sheet, and a service worker that keeps the
 * last copy of them for when the venue's network drops. Public (the page asks for a token and
 * sends it to /api); hidden from the API documentation.
 */
export default async function webRoutes(app: FastifyInstance) {
  const hidden = { schema: { hide: true }, config: { public: true } };
  app.get('/', hidden, async (_request, reply) => {
    const { js, css } = await webBundle();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page(js, css));
  });
  app.get('/app.js', hidden, async (request, reply) => send(request, reply, (await webBundle()).js));
  app.get('/app.css', hidden, async (request, reply) => send(request, reply, (await webBundle()).css));
  // Browsers check a service worker for updates themselves; no-cache makes them ask every time.
  app.get('/sw.js', hidden, async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(SERVICE_WORKER));
}
