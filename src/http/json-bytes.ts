import type { FastifyReply } from 'fastify';

const ITEMS_OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');

/** A list answer, `{"items":[…],"total":…,…}`, from items already serialised (kept bytes) and the page's figures. */
export function listAnswer(items: readonly Buffer[], page: Record<string, number>): Buffer {
  const parts: Buffer[] = [ITEMS_OPEN];
  for (const [i, item] of items.entries()) {
    if (i) parts.push(COMMA);
    parts.push(item);
  }
  const tail = Object.entries(page)
    .map(([key, value]) => `,${JSON.stringify(key)}:${value}`)
    .join('');
  parts.push(Buffer.from(`]${tail}}`));
  return Buffer.concat(parts);
}

/**
 * A shared response schema to serialise items by on their own (`reply.compileSerializationSchema`),
 * without the `$id` that names the shared copy: compiled again under that name, the two collide.
 */
export function itemSchema(schema: object): Record<string, unknown> {
  const { $id: _, ...rest } = schema as Record<string, unknown>;
  return rest;
}

/** The content type of every answer sent as JSON bytes. */
export const JSON_TYPE = 'application/json; charset=utf-8';

/** Sends JSON already serialised (kept bytes, a list put together by `listAnswer`) as it is. */
export function sendJsonBytes(reply: FastifyReply, body: Buffer): FastifyReply {
  return reply.type(JSON_TYPE).send(body);
}
