import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { loadJapaneseTokenizer } from '../../matching/text/ja.ts';
import { romanize, romanizeName } from '../../matching/text/romanize.ts';
import type { LocalizedText } from '../../matching/profile.ts';
import { createOrganizationsRepository, type OrganizationsRepository } from '../organizations/repository.ts';

declare module 'fastify' {
  interface FastifyInstance {
    organizations: OrganizationsRepository;
    /** Names in Latin letters: Japanese by reading, Mongolian by MNS 5217:2012 (the shared kuromoji). */
    romanize: { name(name: LocalizedText): string; text(text: string): string };
  }
}

export default fp(
  async function organizations(app: FastifyInstance) {
    const tokenizer = await loadJapaneseTokenizer();
    const latin = { name: (name: LocalizedText) => romanizeName(tokenizer, name), text: (text: string) => romanize(tokenizer, text) };
    const repo = createOrganizationsRepository(app.db, app.now, latin.name);
    repo.fillLatinNames(latin.name);
    app.decorate('romanize', latin);
    app.decorate('organizations', repo);
  },
  { name: 'organizations', dependencies: ['database'] },
);
