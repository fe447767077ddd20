import { beforeAll, describe, expect, it } from 'vitest';
import { extractFeatures } from '../../matching/features.ts';
import { loadMatchingToolkit, MatchingEngine, type MatchingToolkit, type Profile } from '../../matching/index.ts';
import { broaderOf, type ConceptEntry } from '../../matching/lexicon/lexicon.ts';
import { loadConcepts } from '../../matching/lexicon/load.ts';

let toolkit: MatchingToolkit;
beforeAll(async () => {
  toolkit = await loadMatchingToolkit();
});

const entry = (id: string, broader?: string[]): ConceptEntry => ({ id, group: 'industry', label: { ja: id, mn: id, en: id }, terms: { en: [id] }, broader });

describe('broader concepts', () => {
  it('follows broader links transitively, nearest first, and survives a cycle or an unknown id', () => {
    const concepts = new Map(
      [entry('solar', ['renewable', 'nowhere']), entry('renewable', ['energy']), entry('energy', ['solar']), entry('coal', [])].map((e) => [e.id, e]),
    );
    expect(broaderOf(concepts, 'solar')).toEqual(['renewable', 'energy']);
    expect(broaderOf(concepts, 'coal')).toEqual([]);
    expect(broaderOf(concepts, 'missing')).toEqual([]);
  });

  it('every broader link in concepts.json names a known concept of the file, never itself', () => {
    const all = loadConcepts();
    const ids = new Set(all.map((c) => c.id));
    const links = all.flatMap((c) => (c.broader ?? []).map((b) => [c.id, b] as const));
    expect(links.length).toBeGreaterThan(50);
    for (const [from, to] of links) {
      expect(ids.has(to), `${from} → ${to}`).toBe(true);
      expect(to).not.toBe(from);
    }
    for (const c of all)
      expect(
        Object.keys(c).every((k) => ['id', 'group', 'label', 'terms', 'broader'].includes(k)),
        c.id,
      ).toBe(true);
  });

  it('a profile that names coal in any language also counts for mining, once per text', () => {
    const profile = (offer: Record<string, string>): Profile => ({
      id: 1,
      externalId: 'x',
      name: { en: 'X' },
      kind: 'company',
      country: 'MN',
      city: 'X',
      languages: [],
      sectors: [],
      description: {},
      offers: [offer],
      needs: [],
      sdgs: [],
    });
    const offers: Record<string, string>[] = [{ ja: '石炭の輸出' }, { mn: 'нүүрс экспортлоно' }, { mn: 'nuurs exportlono' }, { en: 'coal exports' }];
    for (const offer of offers) {
      const counts = extractFeatures(profile(offer), toolkit.analyzer, toolkit.lexicon).offers.counts;
      expect(counts.get('c:coal'), JSON.stringify(offer)).toBe(1);
      expect(counts.get('c:mining'), JSON.stringify(offer)).toBe(1);
    }
    // Named outright and through a narrower concept in the same text: still once.
    const both = extractFeatures(profile({ en: 'coal mining' }), toolkit.analyzer, toolkit.lexicon).offers.counts;
    expect(both.get('c:mining')).toBe(1);
  });

  it('reads the new domain words of the three languages as the same concept', () => {
    const concepts = (text: string, lang: string) => toolkit.lexicon.match(toolkit.analyzer.analyze(text, lang).tokens).map((m) => m.conceptId);
    expect(concepts('遠隔検針システム', 'ja')).toContain('smart-meters');
    expect(concepts('алсаас тоолуур унших', 'mn')).toContain('smart-meters');
    expect(concepts('remote meter reading', 'en')).toContain('smart-meters');
    expect(concepts('介護職員の確保', 'ja')).toContain('elderly-care');
    expect(concepts('asragch ajiltan', 'mn')).toContain('elderly-care');
    expect(concepts('シードラウンド', 'ja')).toContain('early-stage');
    expect(concepts('эхний шатны хөрөнгө оруулалт', 'mn')).toContain('early-stage');
    expect(concepts('PET bottle recycling', 'en')).toContain('plastics');
    expect(concepts('PET bottle recycling', 'en')).not.toContain('pets');
  });

  it('gives the narrow concept as the reason, not also the wide one it implies; the wide one when only it is shared', () => {
    const base = { kind: 'company' as const, city: 'X', languages: [], sectors: [], description: {}, sdgs: [] };
    const buyer: Profile = { ...base, id: 1, externalId: 'a', name: { en: 'A' }, country: 'JP', offers: [{ ja: '日本の販路' }], needs: [{ ja: '石炭の調達' }] };
    const coal: Profile = {
      ...base,
      id: 2,
      externalId: 'b',
      name: { en: 'B' },
      country: 'MN',
      offers: [{ mn: 'нүүрс нийлүүлнэ' }],
      needs: [{ mn: 'Японы худалдан авагч' }],
    };
    const copper: Profile = { ...base, id: 3, externalId: 'c', name: { en: 'C' }, country: 'MN', offers: [{ mn: 'зэсийн баяжмал нийлүүлнэ' }], needs: [] };
    const engine = new MatchingEngine(toolkit);
    engine.upsert([buyer, coal, copper]);
    const concepts = (b: number) =>
      engine
        .score(1, b)!
        .reasons.filter((r) => r.direction === 'a-needs-b-offers')
        .map((r) => r.concept?.id);
    expect(concepts(2)).toContain('coal');
    expect(concepts(2)).not.toContain('mining');
    expect(concepts(3)).toContain('mining');
  });
});
