import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consortSvg } from '../src/consort/consort-svg';
import type { ConsortCounts, ConsortFollowUp } from '../src/contracts/review-dashboard';

// The whole CONSORT SVG of a small, fixed trial against reviewed files: every drawing attribute
// (colours, strokes, the arrow marker, fonts, corner radii, the title) is visible to a reader,
// so a change to any of them must show up here. The geometry is read by consort-layout.test.ts.

const visit = (n: [number, number, number, number]): ConsortFollowUp => ({
  visitCode: 'W1',
  label: { en: 'Week 1', tr: '1. hafta' },
  followedUp: n[0],
  withdrawn: n[1],
  missing: n[2],
  notYetDue: n[3],
});

/** Twelve screened, seven randomized to two arms, one follow-up visit. */
function smallCounts(): ConsortCounts {
  return {
    assessed: 12,
    excluded: {
      total: 5,
      notEligible: 3,
      byCriterion: [
        { criterion: 'I1', count: 2 },
        { criterion: 'E2', count: 1 },
      ],
      eligibleNotRandomized: 1,
      eligibilityPending: 0,
      screeningClosed: 1,
    },
    randomized: 7,
    followUp: [visit([6, 1, 0, 0])],
    analysed: 6,
    excludedFromAnalysis: 1,
    arms: [
      {
        code: 'A',
        label: { en: 'Exercise & advice', tr: 'Egzersiz ve öneri' },
        allocated: 4,
        followUp: [visit([4, 0, 0, 0])],
        analysed: 4,
        excludedFromAnalysis: 0,
      },
      {
        code: 'B',
        label: { en: 'Advice only', tr: 'Yalnız öneri' },
        allocated: 3,
        followUp: [visit([2, 1, 0, 0])],
        analysed: 2,
        excludedFromAnalysis: 1,
      },
    ],
  };
}

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('CONSORT SVG of a small trial', () => {
  it('is exactly the reviewed diagram with two arms, in English', () => {
    const svg = consortSvg(smallCounts(), {
      blinded: false,
      locale: 'en',
      criterionLabels: { I1: 'Low back pain for at least 3 months' },
    });
    expect(svg).toBe(fixture('consort-small-en.svg'));
  });

  it('is exactly the reviewed blinded diagram, in Turkish', () => {
    const svg = consortSvg(smallCounts(), { blinded: true, locale: 'tr' });
    expect(svg).toBe(fixture('consort-small-blinded-tr.svg'));
  });
});
