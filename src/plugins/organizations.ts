import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createOrganizationsRepository, type OrganizationsRepository } from '../organizations/repository.ts';

declare module 'fastify' {
  interface FastifyInstance {
    organizations: OrganizationsRepository;
  }
}

export default fp(
  async function organizations(app: FastifyInstance) {
    app.decorate('organizations', createOrganizationsRepository(app.db, app.now));
  },
  { name: 'organizations', dependencies: ['database'] },
);
