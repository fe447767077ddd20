import { describe, expect, it } from 'vitest';
import { highlight } from '../../matching/highlight.ts';

const marked = (text: string, lang: string, needles: string[]) => highlight(text, lang, needles).map(([s, e]) => text.slice(s, e));

describe('highlight', () => {
  it('marks a Japanese term where it is written', () => {
    expect(marked('トレーサビリティが確保されたモンゴル産カシミヤ糸を小ロットで安定調達したい。', 'ja', ['カシミヤ', 'カシミア'])).toEqual(['カシミヤ']);
    expect(highlight('モンゴル産カシミヤ糸', 'ja', ['カシミヤ'])).toEqual([[5, 9]]);
  });

  it('marks a Japanese verb by its stem when the text conjugates it', () => {
    expect(marked('原料を安定して調達したい', 'ja', ['調達する'])).toEqual(['調達']);
  });

  it('marks an inflected Mongolian word from its stem, keeping ө and ү', () => {
    expect(marked('Ноолууран утсыг бага хэмжээгээр экспортлоно.', 'mn', ['ноолуур'])).toEqual(['Ноолууран']);
    expect(marked('Мал эмнэлгийн үйлчилгээ үзүүлнэ', 'mn', ['үйлчилгээ'])).toEqual(['үйлчилгээ']);
  });

  it('marks English words at the start of a word only, whole multi-word terms', () => {
    expect(marked('We export cashmere yarn to Europe', 'en', ['cashmere yarn'])).toEqual(['cashmere yarn']);
    expect(marked('Exports of minerals; a mine in Gobi', 'en', ['mine'])).toEqual(['mine']);
    expect(marked('Software exports', 'en', ['export'])).toEqual(['exports']);
  });

  it('marks nothing when the evidence is not on the surface', () => {
    expect(highlight('Livestock vaccines', 'en', ['cashmere'])).toEqual([]);
    expect(highlight('', 'ja', ['カシミヤ'])).toEqual([]);
  });
});
