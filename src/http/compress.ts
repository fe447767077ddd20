import negotiate from '@fastify/accept-negotiator';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { gzipSync } from 'node:zlib';

/** Smaller answers go as they are: under one network packet, compressing them saves nothing. */
const THRESHOLD = 2048;

/** True when the client takes gzip (`Accept-Encoding`, `q=0` honoured): every browser and `fetch` does. */
export const acceptsGzip = (request: FastifyRequest) => {
  const header = request.headers['accept-encoding'];
  return !!header && negotiate(header, ['gzip', 'identity']) === 'gzip';
};

/** Answers routes keep and send again: their gzipped bytes once made, until then how often they went plain. */
const compressed = new WeakMap<Buffer, Buffer | number>();

/**
 * Marks an answer a route keeps and sends again as it is (an organisation's suggestions, a profile):
 * from 2 KB on, it goes gzipped to clients that take gzip from its second sending on, compressed
 * once and kept beside it for as long as the route keeps it (an answer sent once is not compressed).
 * An organisation's suggestions are 21 KB as JSON and 3.5 KB gzipped: the page everybody refreshes,
 * on a venue's shared Wi-Fi.
 *
 * Answers made for one request (lists, the review queue) go plain: gzipping 40 KB costs the one
 * thread that answers every request about 0.5 ms, more than the bytes cost on the way.
 */
export const kept = (body: Buffer): Buffer => {
  if (!compressed.has(body)) compressed.set(body, 0);
  return body;
};

/** Sends kept answers gzipped to the clients that take it (see `kept`). */
export function addCompression(app: FastifyInstance) {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!Buffer.isBuffer(payload) || payload.length < THRESHOLD || !compressed.has(payload) || reply.hasHeader('content-encoding')) {
      return done(null, payload);
    }
    reply.header('vary', 'accept-encoding');
    const known = compressed.get(payload);
    if (known === 0) {
      // Its first sending: plain (many answers are never asked for again before they change).
      compressed.set(payload, 1);
      return done(null, payload);
    }
    if (!acceptsGzip(request)) return done(null, payload);
    const body = Buffer.isBuffer(known) ? known : gzipSync(payload);
    compressed.set(payload, body);
    reply.header('content-encoding', 'gzip').removeHeader('content-length');
    done(null, body);
  });
}
