import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalOf } from '../plugins/auth.ts';
import { notFound } from '../domain/errors.ts';
import { IdParams, problems } from '../schemas/common.ts';
import { IssuedToken, Me, Token, TokenCreate, TokenList, TokenQuery } from '../schemas/tokens.ts';
import type { ApiTokenRow } from '../db/schema.ts';

export const tokenView = ({ tokenHash: _hash, ...rest }: ApiTokenRow) => rest;

export default async function tokenRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/organizations/:id/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Issue a token for an organisation (shown once)',
        params: IdParams,
        body: TokenCreate,
        response: { 201: IssuedToken, ...problems(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request, reply) => {
      if (!app.organizations.get(request.params.id)) throw notFound(`Organisation ${request.params.id}`);
      const { row, token } = app.tokens.issue('organization', request.params.id, request.body?.label ?? null);
      app.audit.record(request, 'token.issued', 'token', row.id, { role: 'organization', organizationId: request.params.id });
      return reply.code(201).send({ ...tokenView(row), token });
    },
  );

  app.get(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'List tokens (never their secrets)',
        querystring: TokenQuery,
        response: { 200: TokenList, ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: app.tokens.list(request.query).map(tokenView) }),
  );

  app.delete(
    '/api/tokens/:id',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a token; it stops working at once',
        params: IdParams,
        response: { 200: Token, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = app.tokens.revoke(request.params.id, app.now().toISOString());
      if (!row) throw notFound(`Token ${request.params.id}`);
      app.audit.record(request, 'token.revoked', 'token', row.id, {});
      return tokenView(row);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: 'any' },
      schema: {
        tags: ['tokens'],
        summary: 'Who the token belongs to',
        response: { 200: Me, ...problems(401) },
      },
    },
    async (request) => {
      const p = principalOf(request);
      if (p.role === 'attendee') {
        const attendee = app.events.attendee(p.attendeeId);
        return { role: p.role, organizationId: p.organizationId, attendeeId: p.attendeeId, eventId: attendee?.eventId, name: attendee?.name };
      }
      return p.role === 'organization' ? { role: p.role, organizationId: p.organizationId } : { role: p.role };
    },
  );
}
