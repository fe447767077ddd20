import negotiate from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { gzipSync } from 'node:zlib';
import { JSON_TYPE } from './json-bytes.ts';

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

/**
 * Sends a kept JSON answer (see `kept`): gzipped to a client that takes it from its second sending
 * on, as it is otherwise. Called by the routes themselves rather than from an `onSend` hook, which
 * every other answer would pass through.
 */
export function sendKept(request: FastifyRequest, reply: FastifyReply, body: Buffer): FastifyReply {
  reply.type(JSON_TYPE);
  const known = compressed.get(body);
  if (body.length < THRESHOLD || known === undefined) return reply.send(body);
  reply.header('vary', 'accept-encoding');
  if (known === 0) {
    // Its first sending: plain (many answers are never asked for again before they change).
    compressed.set(body, 1);
    return reply.send(body);
  }
  if (!acceptsGzip(request)) return reply.send(body);
  const gzipped = Buffer.isBuffer(known) ? known : gzipSync(body);
  compressed.set(body, gzipped);
  return reply.header('content-encoding', 'gzip').send(gzipped);
}
