import { beforeAll, describe, expect, it } from 'vitest';
import { MatchingEngine, loadMatchingToolkit, type MatchingToolkit, type Profile } from '../../matching/index.ts';
import { type Reason, sameWord, strongestReasons } from '../../matching/reasons.ts';
import { strengthOf } from '../../matching/score.ts';

let toolkit: MatchingToolkit;
beforeAll(async () => {
  toolkit = await loadMatchingToolkit();
});

let nextId = 1;
function org(p: Partial<Profile> & Pick<Profile, 'country' | 'offers' | 'needs'>): Profile {
  const id = nextId++;
  return { id, externalId: `r-${id}`, name: { en: `Org ${id}` }, kind: 'company', city: 'X', languages: [], sectors: [], description: {}, sdgs: [], ...p };
}

function reasonsFor(a: Profile, b: Profile) {
  const engine = new MatchingEngine(toolkit);
  engine.upsert([a, b]);
  return engine.score(a.id, b.id)!;
}

describe('reasons people trust', () => {
  it('shows a shared term as the words written, never a stem', () => {
    const a = org({ country: 'JP', offers: [{ en: 'Ferries for island cities' }], needs: [{ en: 'Kayaks and canoes' }] });
    const b = org({ country: 'MN', offers: [{ en: 'Handmade kayak for lakes' }], needs: [{ en: 'Ferry routes between cities' }] });
    expect(reasonsFor(a, b).reasons.map((r) => r.term)).toEqual([
      { lang: 'en', text: 'Kayaks', other: 'kayak', stem: 'kayak' },
      { lang: 'en', text: 'Ferries', other: 'Ferry', stem: 'ferri' },
      { lang: 'en', text: 'cities', other: 'cities', stem: 'citi' },
    ]);
  });

  it('does not give two words that only share a stem as a reason (international, internship)', () => {
    expect(sameWord('international', 'internship')).toBe(false);
    expect(sameWord('battery', 'batteries')).toBe(true);
    expect(sameWord('ноолуур', 'ноолууран')).toBe(true);
    const a = org({ country: 'JP', offers: [{ en: 'International exhibitions' }], needs: [{ en: 'Zzyzx widgets' }] });
    const b = org({ country: 'MN', offers: [{ en: 'Zzyzx widgets' }], needs: [{ en: 'Internship places' }] });
    expect(reasonsFor(a, b).reasons.map((r) => r.term?.stem)).not.toContain('intern');
  });

  it('never gives a place or a role alone as a reason', () => {
    const a = org({ country: 'JP', offers: [{ en: 'Partners in Japan for startups' }], needs: [{ en: 'Startups from Mongolia' }] });
    const b = org({ country: 'MN', offers: [{ en: 'A Mongolia startup network' }], needs: [{ en: 'Japan market contacts for startups' }] });
    const result = reasonsFor(a, b);
    expect(result.score).toBeGreaterThan(0);
    expect(result.reasons).toEqual([]);
  });

  it('marks the evidence in Mongolian typed in Latin letters', () => {
    const a = org({ country: 'JP', offers: [{ ja: '日本の百貨店への販路' }], needs: [{ ja: 'カシミヤ糸の調達' }] });
    const b = org({ country: 'MN', offers: [{ mn: 'Nooluuran utas niiluulne' }], needs: [{ mn: 'Yapon hudaldan avagch' }] });
    const marked = reasonsFor(a, b).reasons.map((r) => [r.concept?.id, r.b.spans.map((s) => r.b.text.slice(...s))]);
    expect(marked).toEqual([
      ['yarn', ['Nooluuran', 'utas']],
      ['supply', ['niiluulne']],
    ]);
  });

  it('says how strong a pair is in words', () => {
    expect(strengthOf(0.12)).toBe('strong');
    expect(strengthOf(0.05)).toBe('good');
    expect(strengthOf(0.01)).toBe('weak');
  });
});

describe('the reasons a list shows', () => {
  const reason = (direction: Reason['direction'], id: string): Reason => ({
    direction,
    concept: { id, group: 'theme', label: { ja: id, mn: id, en: id } },
    term: null,
    weight: 0.1,
    a: { field: 'needs', item: 0, lang: 'en', text: id, spans: [] },
    b: { field: 'offers', item: 0, lang: 'en', text: id, spans: [] },
  });
  const all = [
    reason('a-needs-b-offers', 'n1'),
    reason('a-needs-b-offers', 'n2'),
    reason('a-needs-b-offers', 'n3'),
    reason('b-needs-a-offers', 'o1'),
    reason('both-about', 'x1'),
    reason('both-about', 'x2'),
  ];
  const ids = (rs: Reason[]) => rs.map((r) => r.concept!.id);

  it('takes the strongest of each direction in turn, in their order', () => {
    expect(ids(strongestReasons(all, 1))).toEqual(['n1']);
    expect(ids(strongestReasons(all, 3))).toEqual(['n1', 'o1', 'x1']);
    expect(ids(strongestReasons(all, 4))).toEqual(['n1', 'n2', 'o1', 'x1']);
    expect(ids(strongestReasons(all, 5))).toEqual(['n1', 'n2', 'o1', 'x1', 'x2']);
  });

  it('gives all of them when there are no more than asked, and none for 0', () => {
    expect(ids(strongestReasons(all, 6))).toEqual(ids(all));
    expect(ids(strongestReasons(all, 12))).toEqual(ids(all));
    expect(strongestReasons(all, 0)).toEqual([]);
  });
});
