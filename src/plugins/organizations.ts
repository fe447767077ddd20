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
    const latin = { name: keptByName(texts.romanizeName), text: texts.romanizeText };
    const repo = createOrganizationsRepository(app.db, app.now, latin.name);
    repo.fillLatinNames(latin.name);
    app.decorate('texts', texts);
    app.decorate('romanize', latin);
    app.decorate('organizations', repo);
    app.addHook('onClose', () => texts.close());
  },
  { name: 'organizations', dependencies: ['database'] },
);

/** Latin names kept by the name they come from (the oldest dropped first when full). */
const NAMES_KEPT = 10_000;

/**
 * A Japanese name is romanised by kuromoji in the text worker, the request waiting for it; most
 * writes (an edit of the city, a re-import) keep their name, so its Latin form is kept by name.
 */
function keptByName(romanize: (name: LocalizedText) => string): (name: LocalizedText) => string {
  const kept = new Map<string, string>();
  return (name) => {
    const key = JSON.stringify(name);
    let latin = kept.get(key);
    if (latin === undefined) {
      latin = romanize(name);
      if (kept.size >= NAMES_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(key, latin);
    }
    return latin;
  };
}
