import { MatchingEngine, loadMatchingToolkit } from '../matching/index.ts';
import { normalizeInput, profileFromRow, rowFromStored } from '../src/organizations/model.ts';
import { demoOrganizations } from '../seed/load.ts';
import type { OrganizationInput } from '../src/schemas/organizations.ts';
import type { OrganizationRow } from '../src/db/schema.ts';

/**
 * `npm run example -- jp-001`: a demo organisation's top three partners and their reasons, as
 * printed in the README. Runs the engine on the demo data exactly as the service does.
 */
const externalId = process.argv[2] ?? 'jp-001';
const toolkit = await loadMatchingToolkit();
const engine = new MatchingEngine(toolkit);
const profiles = (demoOrganizations() as OrganizationInput[]).map((input, i) =>
  profileFromRow({ id: i + 1, ...rowFromStored(normalizeInput(input)), createdAt: '', updatedAt: '' } as OrganizationRow),
);
engine.upsert(profiles);
const self = profiles.find((p) => p.externalId === externalId);
if (!self) throw new Error(`No demo organisation ${externalId}`);

console.log(`${self.externalId} ${Object.values(self.name).join(' / ')} (${self.country}, ${self.kind})`);
console.log(`  needs: ${self.needs.map((n) => Object.values(n)[0]).join(' | ')}`);
console.log(`  offers: ${self.offers.map((n) => Object.values(n)[0]).join(' | ')}\n`);
for (const [rank, s] of engine.suggest(self.id, { limit: 3 }).entries()) {
  const p = engine.get(s.profileId)!;
  console.log(
    `${rank + 1}. ${p.externalId} ${Object.values(p.name).join(' / ')} (${p.country}, ${p.kind}) score ${s.score} (${s.strength})  fwd ${s.signals.fwd} back ${s.signals.back} about ${s.signals.about}`,
  );
  // The first three reasons, as in the README; the API returns all.
  for (const r of s.reasons.slice(0, 3)) {
    const what = r.concept
      ? `${r.concept.label.en} / ${r.concept.label.ja} / ${r.concept.label.mn}`
      : `word "${r.term!.text}" / "${r.term!.other}" (${r.term!.lang})`;
    console.log(`   ${r.direction.padEnd(16)} ${what}`);
    console.log(`      ${r.a.field}: ${r.a.text}`);
    console.log(`      ${r.b.field}: ${r.b.text}`);
  }
}
