import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { LocalizedText } from '../../matching/profile.ts';
import type { AnalysisMode } from '../matching-worker/analyser.ts';
import { createTextTools, type TextTools } from '../matching-worker/texts.ts';
import { createOrganizationsRepository, type OrganizationsRepository } from '../organizations/repository.ts';

declare module 'fastify' {
  interface FastifyInstance {
    organizations: OrganizationsRepository;
    /** Names in Latin letters: Japanese by reading, Mongolian by MNS 5217:2012 (kuromoji in the text worker). */
    romanize: { name(name: LocalizedText): string; text(text: string): string };
    /** kuromoji's services to this thread (romanising, reading search words): see matching-worker/texts.ts. */
    texts: TextTools;
  }
}

export interface OrganizationsPluginOptions {
  /** Where kuromoji runs: a worker thread (the service), or this thread (tests, tools). */
  analysis: AnalysisMode;
}

export default fp(
  async function organizations(app: FastifyInstance, opts: OrganizationsPluginOptions) {
    const texts = await createTextTools(opts.analysis);
    const latin = { name: texts.romanizeName, text: texts.romanizeText };
    const repo = createOrganizationsRepository(app.db, app.now, latin.name);
    repo.fillLatinNames(latin.name);
    app.decorate('texts', texts);
    app.decorate('romanize', latin);
    app.decorate('organizations', repo);
    app.addHook('onClose', () => texts.close());
  },
  { name: 'organizations', dependencies: ['database'] },
);
