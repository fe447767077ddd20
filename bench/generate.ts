import { ORGANIZATION_KINDS } from '../matching/profile.ts';
import { mulberry32 } from '../matching/random.ts';

/**
 * Synthetic profiles for benchmarks: deterministic (a seeded generator), in Japanese, Mongolian and
 * English, with the shapes real imports have (bilingual texts, several offers and needs).
 */
const JA = [
  'カシミヤ製品の輸入販売',
  'オフショア開発の委託先を探しています',
  '高専教育のカリキュラム',
  '再生可能エネルギーの導入支援',
  '家畜用ワクチンの供給',
  '日本語教育と技能実習',
  '鉱山機械の保守サービス',
  '観光客向けの旅行商品',
];
const MN = [
  'Ноолууран утас үйлдвэрлэл',
  'Програм хангамж хөгжүүлэлт',
  'Малын эмнэлгийн үйлчилгээ',
  'Агаарын бохирдлыг бууруулах технологи',
  'Уул уурхайн тоног төхөөрөмж',
  'Япон хэлний сургалт',
  'Аялал жуулчлалын үйлчилгээ',
  'Сүү, цагаан идээний үйлдвэр',
];
const EN = [
  'Cashmere yarn and knitwear export',
  'Offshore software development',
  'Veterinary vaccines for livestock',
  'Solar heating for ger districts',
  'Mining equipment maintenance',
  'Japanese-language training for engineers',
  'Inbound tourism packages',
  'Cold-chain logistics',
];
const KINDS = ORGANIZATION_KINDS;

export function generateProfiles(count: number, seed = 42): Record<string, unknown>[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const text = (lang: 'ja' | 'mn' | 'en' | 'bi') => {
    if (lang === 'bi') return { ja: pick(JA), en: pick(EN) };
    return lang === 'ja' ? pick(JA) : lang === 'mn' ? pick(MN) : pick(EN);
  };
  return Array.from({ length: count }, (_, i) => {
    const japanese = i % 2 === 0;
    const lang = pick(japanese ? (['ja', 'ja', 'en', 'bi'] as const) : (['mn', 'mn', 'en'] as const));
    return {
      externalId: `${japanese ? 'jp' : 'mn'}-${String(i).padStart(6, '0')}`,
      name: lang === 'mn' ? `Хөгжил ${i} ХХК` : lang === 'en' ? `Partner ${i} LLC` : `株式会社サンプル${i}`,
      kind: pick(KINDS),
      country: japanese ? 'JP' : 'MN',
      city: japanese ? pick(['Tokyo', 'Osaka', 'Fukuoka']) : pick(['Ulaanbaatar', 'Darkhan', 'Erdenet']),
      employees: Math.floor(random() * 1000),
      founded: 1950 + Math.floor(random() * 75),
      languages: japanese ? ['ja'] : ['mn', 'en'],
      sectors: [pick(['IT', 'textiles', '繊維', 'mining', 'уул уурхай', 'tourism'])],
      description: text(lang),
      offers: [text(lang), text(lang)],
      needs: [text(lang), text(lang)],
      sdgs: [1 + Math.floor(random() * 17)],
      contact: { email: `contact${i}@example.org` },
    };
  });
}
