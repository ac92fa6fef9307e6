import { serverMessages } from '@mini-edc/domain';
import { describe, expect, it } from 'vitest';
import { serverMessagesEn } from '../src/i18n/server-messages.en';
import { serverMessagesTr } from '../src/i18n/server-messages.tr';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('every message code the server can send has English and Turkish text', () => {
  const codes = Object.keys(serverMessages) as (keyof typeof serverMessages)[];

  it('knows the codes it checks', () => {
    expect(codes).toContain('SCREENING_CLOSED');
  });

  it.each(codes)('%s', (code) => {
    for (const catalogue of [serverMessagesEn, serverMessagesTr]) {
      const text = catalogue[code];
      expect(text?.trim(), code).toBeTruthy();
      // The same parameters, and nothing a person should not read: no field codes, no formulas.
      expect(placeholders(text), code).toEqual(placeholders(serverMessages[code]));
      expect(text, code).not.toMatch(/[a-z]+_[a-z_]+|round\(|×/);
    }
  });

  it('has no text for a code the server does not know', () => {
    expect(Object.keys(serverMessagesEn).sort()).toEqual([...codes].sort());
    expect(Object.keys(serverMessagesTr).sort()).toEqual([...codes].sort());
  });
});
