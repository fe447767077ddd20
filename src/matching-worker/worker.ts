import { encodeFeatures, extractFeatures, loadMatchingToolkit, type Profile, type StoredFeatures } from '../../matching/index.ts';

/**
 * The matching worker (a piscina worker thread): analyses profile texts with kuromoji and the
 * lexicon, off the thread that answers requests. The toolkit (~300 MB, ~1 s) loads once per worker.
 */
const toolkit = loadMatchingToolkit();

export default async function analyse(profiles: Profile[]): Promise<StoredFeatures[]> {
  const { analyzer, lexicon } = await toolkit;
  return profiles.map((profile) => encodeFeatures(extractFeatures(profile, analyzer, lexicon)));
}
