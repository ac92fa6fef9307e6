import { describe, expect, it } from 'vitest';
import { checkWellFormed } from '../../../test/xml-check.mjs';
import { consortSvg, wrapText } from '../src/consort/consort-svg';
import {
  type ConsortCounts,
  type ConsortFollowUp,
  consortCountsBlindedSchema,
} from '../src/contracts/review-dashboard';
import { lbpTrial } from '../src/study/lbp-trial';

const visit = (visitCode: string, en: string, n: number[]): ConsortFollowUp => ({
  visitCode,
  label: { en, tr: `${en} (tr)` },
  followedUp: n[0] ?? 0,
  withdrawn: n[1] ?? 0,
  missing: n[2] ?? 0,
  notYetDue: n[3] ?? 0,
});

const counts: ConsortCounts = {
  assessed: 112,
  excluded: {
    total: 37,
    notEligible: 29,
    byCriterion: [
      { criterion: 'I2', count: 11 },
      { criterion: 'E3', count: 18 },
    ],
    eligibleNotRandomized: 6,
    eligibilityPending: 2,
    screeningClosed: 1,
  },
  randomized: 75,
  followUp: [visit('W1', 'Week 1', [73, 1, 1, 0]), visit('M3', 'Month 3', [68, 4, 3, 0])],
  analysed: 70,
  excludedFromAnalysis: 3,
  arms: lbpTrial.arms.map((arm, i) => ({
    code: arm.code,
    label: { en: arm.label.en, tr: arm.label.tr },
    allocated: i === 0 ? 38 : 37,
    followUp: [visit('W1', 'Week 1', i === 0 ? [37, 1, 0, 0] : [36, 0, 1, 0])],
    analysed: i === 0 ? 36 : 34,
    excludedFromAnalysis: i === 0 ? 1 : 2,
  })),
};

/** A small well-formedness check: one root, tags balanced, no raw < or stray & in text. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    const [, closing, name, , selfClosing, text, stray] = m;
    if (stray) return false;
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(text)) return false;
      if (stack.length === 0 && text.trim()) return false;
      continue;
    }
    if (closing) {
      if (stack.pop() !== name) return false;
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name ?? '');
    }
  }
  return stack.length === 0 && roots === 1;
}

describe('CONSORT diagram as SVG', () => {
  const armWords = lbpTrial.arms.flatMap((a) => [a.code, a.label.en, a.label.tr]);

  it('is a well-formed SVG document with every number of the flow', () => {
    const raw = consortSvg(counts, { blinded: false, locale: 'en' });
    // Counts use non-breaking spaces so "(n = 37)" never splits across lines.
    expect(raw).toContain('(n\u00a0=\u00a037)');
    const svg = raw.replaceAll('\u00a0', ' ');
    expect(wellFormed(svg)).toBe(true);
    expect(wellFormed('<svg><g></svg>')).toBe(false);
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    for (const text of [
      'Assessed for eligibility (n = 112)',
      'Excluded (n = 37)',
      'Not meeting eligibility criteria (n = 29)',
      'E3 (n = 18)',
      'I2 (n = 11)',
      'Randomized (n = 75)',
      'Analysed (n = 36)',
      'Analysed (n = 34)',
      // The counts the analysis excludes, not allocated − analysed (38 − 36, 37 − 34).
      'Excluded from analysis (n = 1)',
      'Excluded from analysis (n = 2)',
      'Screening abandoned, closed (n = 1)',
      'Week 1: 37 followed up',
      '1 withdrawn · 0 missing · 0 not yet due',
    ]) {
      expect(svg).toContain(text);
    }
    expect(svg).toContain('(n = 38)');
    expect(svg).toContain('Thoracolumbar fascia');
    // Same counts, same bytes.
    expect(consortSvg(counts, { blinded: false, locale: 'en' })).toBe(raw);
  });

  it('names no arm in the blinded diagram, even when the counts carry arms', () => {
    const blinded = consortSvg(counts, { blinded: true, locale: 'en' });
    expect(wellFormed(blinded)).toBe(true);
    for (const word of [...armWords, 'Allocated to', '(n = 38)']) expect(blinded).not.toContain(word);
    expect(blinded).toContain('All randomized participants');
    expect(blinded).toContain('Blinded view');
    expect(blinded).toContain('Month 3: 68 followed up');
    const parsed = consortCountsBlindedSchema.parse(counts);
    expect(consortSvg(parsed, { blinded: true, locale: 'en' })).toBe(blinded);
  });

  it('adds the blinded note only to a blinded diagram, also when there are no arms to show', () => {
    const noArms: ConsortCounts = { ...counts, arms: [] };
    const open = consortSvg(noArms, { blinded: false, locale: 'en' });
    expect(open).toContain('All randomized participants');
    expect(open).not.toContain('Blinded view');
    expect(consortSvg(noArms, { blinded: true, locale: 'en' })).toContain('Blinded view');
  });

  it('escapes text and speaks Turkish', () => {
    const tricky: ConsortCounts = {
      ...counts,
      arms: [
        { ...(counts.arms[0] as ConsortCounts['arms'][number]), label: { en: 'A & <B> "x"', tr: 'Ğ & <ş>' } },
      ],
    };
    const en = consortSvg(tricky, { blinded: false, locale: 'en' });
    expect(wellFormed(en)).toBe(true);
    expect(en).toContain('A &amp; &lt;B&gt; &quot;x&quot;');
    const tr = consortSvg(tricky, { blinded: false, locale: 'tr' }).replaceAll('\u00a0', ' ');
    expect(wellFormed(tr)).toBe(true);
    expect(tr).toContain('Uygunluk açısından');
    expect(tr).toContain('Randomize edilen (n = 75)');
    expect(tr).toContain('Ğ &amp; &lt;ş&gt;');
  });

  it('names screen-failure criteria by their text when given', () => {
    const svg = consortSvg(counts, {
      blinded: false,
      locale: 'en',
      criterionLabels: { E3: 'Pregnant or breastfeeding' },
    }).replaceAll('\u00a0', ' ');
    expect(svg).toContain('E3 Pregnant or breastfeeding (n = 18)');
  });

  it('wraps long lines at word boundaries', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('unbreakablewordlonger', 5)).toEqual(['unbreakablewordlonger']);
    expect(wrapText('', 5)).toEqual(['']);
    expect(wrapText('  one   two\t\n', 20)).toEqual(['one two']);
    expect(wrapText(' \n ', 5)).toEqual(['']);
  });

  it('is well-formed XML (libxml2), and a broken copy is not', () => {
    for (const blinded of [false, true]) {
      const svg = consortSvg(counts, { blinded, locale: 'tr' });
      expect(checkWellFormed(svg)).toEqual({ ok: true, errors: [] });
      expect(checkWellFormed(svg.replace('</svg>', '')).ok).toBe(false);
    }
  });
});
