import { backupCheckNames } from '@mini-edc/domain';
import { describe, expect, it } from 'vitest';
import { deskEn } from '../src/i18n/desk.en';
import { deskTr } from '../src/i18n/desk.tr';
import { en } from '../src/i18n/en';
import { tr } from '../src/i18n/tr';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  // Every signed-in page's text and the desk screens' text, which load as separate chunks.
  const english = leaves({ ...en, ...deskEn });
  const turkish = leaves({ ...tr, ...deskTr });

  it('splits the text into parts that share no top-level key', () => {
    expect(Object.keys(deskEn).filter((key) => key in en)).toEqual([]);
    expect(Object.keys(deskTr).filter((key) => key in tr)).toEqual([]);
  });

  it('has the same keys in English and Turkish', () => {
    expect([...turkish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('names every backup check in both languages (the admin screen lists the failed ones)', () => {
    for (const name of backupCheckNames) {
      expect(english.get(`admin.backups.checks.${name}`), name).toBeTruthy();
      expect(turkish.get(`admin.backups.checks.${name}`), name).toBeTruthy();
    }
  });

  it('keeps every interpolation placeholder and leaves no text empty', () => {
    for (const [key, text] of english) {
      const translated = turkish.get(key) ?? '';
      expect(translated.trim(), key).not.toBe('');
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });
});
