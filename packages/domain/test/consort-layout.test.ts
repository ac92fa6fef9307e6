import { describe, expect, it } from 'vitest';
// Imported from their modules, not the package index: mutation testing re-imports a test file
// for every mutant, and the index is the whole package.
import { consortSvg } from '../src/consort/consort-svg';
import type { ConsortCounts, ConsortFollowUp } from '../src/contracts/review-dashboard';
import { lbpTrial } from '../src/study/lbp-trial';

// The CONSORT diagram's layout as a reader sees it: text inside its box, boxes apart, rows aligned
// and as tall as their tallest box, every arrow from one box's edge to the next box's edge, and
// the page just large enough. Read from the SVG itself, so any layout arithmetic that goes wrong
// shows up as a clipped line, an overlap or a dangling arrow.

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  stage: boolean;
  texts: { x: number; y: number; bold: boolean; middle: boolean; text: string }[];
}

const num = (attrs: string, name: string): number => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(attrs);
  if (!m) throw new Error(`no ${name} in ${attrs}`);
  return Number(m[1]);
};

function parse(svg: string) {
  const root = /<svg([^>]*)>/.exec(svg)?.[1] ?? '';
  const groups = [...svg.matchAll(/<g>\s*<rect([^>]*)\/>([\s\S]*?)<\/g>/g)];
  const rects: Rect[] = groups.map(([, attrs = '', body = '']) => ({
    x: num(attrs, 'x'),
    y: num(attrs, 'y'),
    w: num(attrs, 'width'),
    h: num(attrs, 'height'),
    stage: attrs.includes('rx='),
    texts: [...body.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, t = '', text = '']) => ({
      x: num(t, 'x'),
      y: num(t, 'y'),
      bold: t.includes('font-weight="bold"'),
      middle: t.includes('text-anchor="middle"'),
      text,
    })),
  }));
  const lines = [...svg.matchAll(/<line([^>]*)\/>/g)].map(([, a = '']) => ({
    x1: num(a, 'x1'),
    y1: num(a, 'y1'),
    x2: num(a, 'x2'),
    y2: num(a, 'y2'),
    arrow: a.includes('marker-end'),
  }));
  return {
    width: num(root, 'width'),
    height: num(root, 'height'),
    viewBox: /viewBox="([^"]*)"/.exec(root)?.[1],
    rects,
    lines,
  };
}

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
    // The first arm has one visit more, so its follow-up box is taller than the other's.
    followUp:
      i === 0
        ? [visit('W1', 'Week 1', [37, 1, 0, 0]), visit('M3', 'Month 3', [34, 2, 1, 0])]
        : [visit('W1', 'Week 1', [36, 0, 1, 0])],
    analysed: i === 0 ? 36 : 34,
    excludedFromAnalysis: i === 0 ? 1 : 2,
  })),
};

const criterionLabels = {
  E3: 'Previous spinal surgery, or any surgery planned during the study period, at any level of the spine',
};

/** Four arms: the columns are wider than the main column and the excluded box together. */
const fourArms = (): ConsortCounts => ({
  ...counts,
  arms: [...counts.arms, ...counts.arms.map((arm) => ({ ...arm, code: `${arm.code}_2` }))],
});

const layouts = [
  { name: 'two arms', svg: () => consortSvg(counts, { blinded: false, locale: 'en', criterionLabels }) },
  { name: 'four arms', svg: () => consortSvg(fourArms(), { blinded: false, locale: 'en', criterionLabels }) },
  { name: 'blinded', svg: () => consortSvg(counts, { blinded: true, locale: 'tr', criterionLabels }) },
];

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
/** The font is 12 px; a glyph is about 0.52 of that wide, a bold one a tenth more. */
const textWidth = (t: { text: string; bold: boolean }) => t.text.length * 12 * 0.52 * (t.bold ? 1.1 : 1);

describe.each(layouts)('CONSORT layout: $name', ({ svg }) => {
  // Drawn inside each test, never at load: a mutation run activates its mutant when the tests
  // start (docs/testing.md, Mutation testing).
  const layoutOf = () => {
    const parsed = parse(svg());
    return {
      ...parsed,
      boxes: parsed.rects.filter((r) => !r.stage),
      stages: parsed.rects.filter((r) => r.stage),
    };
  };

  it('every line of text is inside its box, below the one before', () => {
    const { boxes } = layoutOf();
    for (const r of boxes) {
      expect(r.texts.length).toBeGreaterThan(0);
      r.texts.forEach((t, i) => {
        expect(t.x, t.text).toBeGreaterThanOrEqual(r.x + 10);
        expect(t.x + textWidth(t), t.text).toBeLessThanOrEqual(r.x + r.w - 10);
        expect(t.y - 12, t.text).toBeGreaterThanOrEqual(r.y + 8);
        expect(t.y + 4, t.text).toBeLessThanOrEqual(r.y + r.h - 8);
        if (i > 0) expect(t.y - (r.texts[i - 1]?.y ?? 0)).toBe(16);
      });
    }
    // No more room than the lines need: in each row the tallest box ends 14 px (padding and
    // descender) below its last baseline, and the others are stretched to its height.
    for (const y of new Set(boxes.map((b) => b.y))) {
      const room = boxes
        .filter((b) => b.y === y)
        .map((b) => b.y + b.h - (b.texts[b.texts.length - 1]?.y ?? 0));
      expect(Math.min(...room)).toBe(14);
    }
  });

  it('stage labels are centred in their box, left of the content', () => {
    const { boxes, stages } = layoutOf();
    expect(stages.map((s) => s.texts[0]?.text)).toHaveLength(4);
    for (const s of stages) {
      const [t] = s.texts;
      expect(t?.middle).toBe(true);
      expect(t?.x).toBe(s.x + s.w / 2);
      expect(Math.abs((t?.y ?? 0) - 4 - (s.y + s.h / 2))).toBeLessThanOrEqual(2);
      for (const b of boxes) expect(s.x + s.w).toBeLessThan(b.x);
    }
  });

  it('no two boxes overlap, and the page holds them all with a margin of 20', () => {
    const { width, height, viewBox, rects } = layoutOf();
    rects.forEach((a, i) => {
      for (const b of rects.slice(i + 1))
        expect(overlap(a, b), `${a.texts[0]?.text} / ${b.texts[0]?.text}`).toBe(false);
    });
    expect(viewBox).toBe(`0 0 ${width} ${height}`);
    expect(Math.min(...rects.map((r) => r.x))).toBe(20);
    expect(Math.min(...rects.map((r) => r.y))).toBe(20);
    expect(Math.max(...rects.map((r) => r.x + r.w)) + 20).toBe(width);
    expect(Math.max(...rects.map((r) => r.y + r.h)) + 20).toBe(height);
  });

  it('each stage heads a row of boxes of one height, and rows follow one another down the page', () => {
    const { boxes, stages } = layoutOf();
    const rowTops = [...new Set(boxes.map((b) => b.y))].sort((a, b) => a - b);
    // Assessed, excluded, randomized, then the allocation, follow-up and analysis rows.
    expect(rowTops).toHaveLength(6);
    const rowsOf = (y: number) => boxes.filter((b) => b.y === y);
    for (const s of stages.slice(1)) {
      const row = rowsOf(s.y);
      expect(row.length).toBeGreaterThan(0);
      for (const b of row) expect(b.h).toBe(s.h);
    }
    expect(stages[0]?.y).toBe(rowTops[0]);
    expect(stages[0]?.h).toBe(rowsOf(rowTops[0] ?? 0)[0]?.h);
    for (let i = 1; i < rowTops.length; i++) {
      const above = rowsOf(rowTops[i - 1] ?? 0);
      expect(rowTops[i] ?? 0).toBeGreaterThanOrEqual(Math.max(...above.map((b) => b.y + b.h)) + 20);
    }
  });

  it('arrows run from the edge of one box to the edge of the next, down and into the excluded box', () => {
    const { lines, boxes } = layoutOf();
    const onBottom = (x: number, y: number) => boxes.some((b) => y === b.y + b.h && x > b.x && x < b.x + b.w);
    const onTop = (x: number, y: number) => boxes.some((b) => y === b.y && x === b.x + b.w / 2);
    const onLeftMiddle = (x: number, y: number) => boxes.some((b) => x === b.x && y === b.y + b.h / 2);
    const splits = lines.filter((l) => !l.arrow);
    const splitY = splits[0]?.y2;
    const arrows = lines.filter((l) => l.arrow);
    for (const a of arrows) {
      expect(onTop(a.x2, a.y2) || onLeftMiddle(a.x2, a.y2), JSON.stringify(a)).toBe(true);
      expect(onBottom(a.x1, a.y1) || a.y1 === splitY || a.y1 === a.y2, JSON.stringify(a)).toBe(true);
    }
    // Every box but the first is pointed at, the excluded box from the side.
    expect(arrows).toHaveLength(boxes.length - 1);
    const sideways = arrows.filter((a) => a.y1 === a.y2);
    expect(sideways).toHaveLength(1);
    // It leaves the arrow from the assessed box down to the randomized box, halfway along it.
    const [first] = arrows;
    const side = sideways[0];
    expect(side?.x1).toBe(first?.x1);
    expect(first?.x2).toBe(first?.x1);
    expect(side?.y1).toBeGreaterThan(first?.y1 ?? 0);
    expect(side?.y1).toBeLessThan(first?.y2 ?? 0);
    // The line down from the randomized box splits at one height into the columns.
    const randomized = boxes.find((b) => b.texts[0]?.text.startsWith('Randomi'));
    const down = splits[0];
    expect(down?.x1).toBe((randomized?.x ?? 0) + 150);
    expect(down?.y1).toBe((randomized?.y ?? 0) + (randomized?.h ?? 0));
    expect(down?.x2).toBe(down?.x1);
    for (const s of splits) expect(s.y2).toBe(splitY);
    for (const a of arrows.filter((x) => x.y1 === splitY)) expect(a.x1).toBe(a.x2);
  });
});

describe('CONSORT layout: columns', () => {
  it('two arms stand side by side, 40 apart, centred under the randomized box', () => {
    const { rects, lines } = parse(consortSvg(counts, { blinded: false, locale: 'en' }));
    const boxes = rects.filter((r) => !r.stage);
    const randomized = boxes.find((b) => b.texts[0]?.text.startsWith('Randomized'));
    const allocation = boxes.filter((b) => b.texts[0]?.text.startsWith('Allocated to'));
    expect(allocation).toHaveLength(2);
    const [a, b] = allocation;
    expect((b?.x ?? 0) - ((a?.x ?? 0) + (a?.w ?? 0))).toBe(40);
    expect(((a?.x ?? 0) + (b?.x ?? 0) + (b?.w ?? 0)) / 2).toBe(
      (randomized?.x ?? 0) + (randomized?.w ?? 0) / 2,
    );
    // The split runs across from the first column's centre to the last's.
    const across = lines.find((l) => !l.arrow && l.y1 === l.y2);
    expect(across?.x1).toBe((a?.x ?? 0) + 150);
    expect(across?.x2).toBe((b?.x ?? 0) + 150);
    // The excluded box is right of the randomized box and level with the arrow into it.
    const excluded = boxes.find((x) => x.texts[0]?.text.startsWith('Excluded ('));
    expect(excluded?.x).toBe((randomized?.x ?? 0) + 300 + 40);
    expect(excluded?.w).toBe(330);
  });

  it('one column has no line across', () => {
    const { lines } = parse(consortSvg(counts, { blinded: true, locale: 'en' }));
    expect(lines.filter((l) => !l.arrow && l.y1 === l.y2)).toHaveLength(0);
  });
});
