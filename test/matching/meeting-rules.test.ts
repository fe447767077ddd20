import { describe, expect, it } from 'vitest';
import { interpreterCovers, isOnlineMeeting, needsInterpreter, normaliseLanguages, shareLanguage } from '../../matching/meeting-rules.ts';
import { sharesLanguage } from '../../matching/score.ts';

describe('meeting rules', () => {
  it('reads meeting languages however people typed them', () => {
    expect(normaliseLanguages([' MN', 'en', 'mn', ''])).toEqual(['en', 'mn']);
  });

  it('needs no interpreter when a Japanese buyer and a Mongolian producer both speak English', () => {
    expect(shareLanguage(['ja', 'en'], ['en', 'mn'])).toBe(true);
    expect(needsInterpreter(['ja', 'en'], ['en', 'mn'])).toBe(false);
    expect(needsInterpreter(['ja'], ['mn'])).toBe(true);
  });

  it('gives the ranking the same answer as the scheduler', () => {
    expect(sharesLanguage(['ja'], ['mn', 'ja'])).toBe(1);
    expect(sharesLanguage(['ja'], ['mn'])).toBe(0);
  });

  it('lets a ja–mn interpreter take a meeting either way round, but not a ja–en one', () => {
    expect(interpreterCovers([['ja', 'mn']], ['mn'], ['ja'])).toBe(true);
    expect(interpreterCovers([['ja', 'en']], ['ja'], ['mn'])).toBe(false);
  });

  it('holds a meeting online only when the session allows it and one side joins by video', () => {
    expect(isOnlineMeeting(true, { online: false }, { online: true })).toBe(true);
    expect(isOnlineMeeting(false, { online: true }, { online: true })).toBe(false);
    expect(isOnlineMeeting(true, { online: false }, { online: false })).toBe(false);
  });
});
