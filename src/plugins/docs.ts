import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

/** OpenAPI 3 generated from the route schemas, so the docs cannot drift from the code. */
export default fp(
  async function docs(app: FastifyInstance) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Musubi API',
          version: '0.1.0',
          description:
            'Business matching between Japanese and Mongolian organisations. Every /api route needs ' +
            '`Authorization: Bearer <token>`: the matchmaker token may do everything; an organisation token acts for ' +
            'its own organisation (profile, suggestions, attendees, their requests, meetings and agenda); an attendee ' +
            'token for that attendee (agenda, own requests and meetings). Errors are application/problem+json (RFC 9457) ' +
            'with `errors[]` naming the fields at fault.',
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        },
        security: [{ bearer: [] }],
        tags: [
          { name: 'organizations', description: 'Organisation profiles and bulk import' },
          { name: 'matching', description: 'Partner suggestions and the review queue' },
          { name: 'events', description: 'Matching sessions: days, slots, tables, attendees, interpreters, figures' },
          { name: 'meetings', description: 'Meeting requests, bookings, the scheduler and agendas' },
          { name: 'event day', description: 'Check-in, attendance, no-shows and standby meetings, live views, printed sheets' },
          { name: 'tokens', description: 'Access tokens' },
          { name: 'admin', description: 'Audit trail and backups' },
          { name: 'service', description: 'Health' },
        ],
      },
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) => (json.$id as string | undefined) ?? `def-${i}`,
      },
    });
    // The documentation is public: its routes are marked so in their own context, so the mark
    // reaches no route outside it.
    await app.register(async (docsContext) => {
      docsContext.addHook('onRoute', (route) => {
        route.config = { ...route.config, public: true };
      });
      await docsContext.register(swaggerUi, { routePrefix: '/docs' });
    });
  },
  { name: 'docs' },
);
