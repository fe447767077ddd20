import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../domain/errors.ts';
import { IdParams, problems } from '../schemas/common.ts';
import { LinkParams, Message, MessageList, MessageQuery, SignInLinksInput, SignInLinksResult, Unsubscribed } from '../schemas/messages.ts';

/** The outbox for matchmakers, sign-in links by e-mail, and the one-click unsubscribe. */
export default async function messageRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/messages',
    {
      schema: {
        tags: ['messages'],
        summary: 'The outbox: every message, newest first (without SMTP_URL they wait here to be read)',
        querystring: MessageQuery,
        response: { 200: MessageList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { rows, total } = app.outbox.list(request.query);
      const items = rows.map(({ text: _t, html: _h, attachments: _a, ...summary }) => summary);
      return {
        items,
        total,
        limit: request.query.limit,
        offset: request.query.offset,
        delivery: app.mail.sender.enabled ? ('smtp' as const) : ('outbox-only' as const),
        counts: app.outbox.counts(),
      };
    },
  );

  app.get(
    '/api/messages/:id',
    {
      schema: {
        tags: ['messages'],
        summary: 'One message with its text, HTML and attachments',
        params: IdParams,
        response: { 200: Message, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => app.outbox.get(request.params.id) ?? notFound(`Message ${request.params.id}`).throw(),
  );

  app.post(
    '/api/events/:id/sign-in-links',
    {
      schema: {
        tags: ['messages'],
        summary: 'E-mail each attendee (all, or those named) a sign-in link of their own',
        description:
          'Each attendee with an e-mail address gets a new attendee token in a message in their language; the answer lists who was skipped (no address, or turned sign-in messages off).',
        params: IdParams,
        body: Type.Optional(SignInLinksInput),
        response: { 200: SignInLinksResult, ...problems(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request) => {
      const event = app.events.get(request.params.id) ?? notFound(`Event ${request.params.id}`).throw();
      const result = app.messages.signInLinks(event, request.body?.attendeeIds, (a) => app.tokens.issue('attendee', a.organizationId, 'sent by e-mail', a.id));
      app.audit.record(request, 'sign-in-links.sent', 'event', event.id, {
        attendees: result.sent.map((s) => s.attendeeId),
        tokens: result.sent.map((s) => s.tokenId),
      });
      return result;
    },
  );

  // The one-click unsubscribe (RFC 8058): mail clients POST a form body to the List-Unsubscribe
  // address; the web page posts JSON. Public: the link itself, scoped to one address and one kind, is
  // the authorisation.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, _body, done) => done(null, {}));
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/unsubscribe/:token',
      {
        config: { public: true },
        schema: {
          tags: ['messages'],
          summary: 'Turn off one kind of message, by the link in one of them (public: the link is the authorisation)',
          security: [],
          params: LinkParams,
          response: { 200: Unsubscribed, ...problems(400, 404, 415) },
        },
      },
      async (request) => app.messages.unsubscribe(request.params.token) ?? notFound('This link').throw(),
    );
  });
}
