import type { ConsortCounts, ConsortCountsBlinded, ConsortFollowUp } from '../contracts/review-dashboard';
import { renderXml, type XmlNode, x } from '../export/xml';
import { type ConsortLabels, consortLabels } from './consort-labels';

/**
 * The CONSORT 2010 flow diagram as a standalone SVG document: enrollment (assessed, excluded with
 * reasons, randomized), then one column per arm for allocation, follow-up and analysis. Pure: the
 * same counts give the same bytes. A blinded diagram has a single column for all randomized
 * participants and never prints an arm, even when the counts carry arms (design invariant 5).
 */
export interface ConsortSvgOptions {
  blinded: boolean;
  locale: 'en' | 'tr';
  /** Criterion id → its text in the locale, so readers see the reason, not only a code. */
  criterionLabels?: Record<string, string>;
}

const FONT = 12;
const LINE = 16;
const PAD = 10;
const BOX_W = 300;
const EXCLUDED_W = 330;
const GAP = 40;
const MARGIN = 20;
const STAGE_W = 100;
const CONTENT_X = MARGIN + STAGE_W + 24;
const ROW_GAP = 34;
/** Average glyph width of the sans-serif font at FONT px, for wrapping. */
const CHAR_W = FONT * 0.52;

interface Line {
  text: string;
  bold?: boolean;
  indent?: boolean;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  lines: Line[];
}

interface Column {
  heading: Line[];
  followUp: ConsortFollowUp[];
  allocated: number;
  analysed: number;
  excludedFromAnalysis: number;
}

// Non-breaking spaces: a count is never split across lines ("(n =" / "10)").
const n = (v: number) => `(n\u00a0=\u00a0${v})`;

/** Greedy word wrap to the box's width; a word longer than a line stays whole. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > maxChars) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines.length ? lines : [''];
}

function layoutBox(xPos: number, y: number, w: number, lines: Line[], minH = 0): Box {
  const maxChars = Math.floor((w - 2 * PAD) / CHAR_W);
  const wrapped = lines.flatMap((line) =>
    // Bold glyphs run about a tenth wider.
    wrapText(line.text, Math.floor((line.indent ? maxChars - 3 : maxChars) * (line.bold ? 0.9 : 1))).map(
      (text) => ({ ...line, text }),
    ),
  );
  const h = Math.max(minH, 2 * PAD + wrapped.length * LINE - (LINE - FONT) + 2);
  return { x: xPos, y, w, h, lines: wrapped };
}

function renderBox(box: Box): XmlNode {
  return x(
    'g',
    {},
    x('rect', { x: box.x, y: box.y, width: box.w, height: box.h, fill: '#ffffff', stroke: '#1f2937' }),
    ...box.lines.map((line, i) =>
      x(
        'text',
        {
          x: box.x + PAD + (line.indent ? 14 : 0),
          y: box.y + PAD + FONT + i * LINE - 2,
          'font-weight': line.bold ? 'bold' : null,
        },
        line.text,
      ),
    ),
  );
}

function stageLabel(text: string, y: number, h: number): XmlNode {
  return x(
    'g',
    {},
    x('rect', { x: MARGIN, y, width: STAGE_W, height: h, rx: 8, fill: '#dbeafe', stroke: '#1e3a8a' }),
    x(
      'text',
      {
        x: MARGIN + STAGE_W / 2,
        y: y + h / 2 + FONT / 2 - 2,
        'text-anchor': 'middle',
        'font-weight': 'bold',
      },
      text,
    ),
  );
}

function arrow(x1: number, y1: number, x2: number, y2: number): XmlNode {
  return x('line', { x1, y1, x2, y2, stroke: '#1f2937', 'marker-end': 'url(#consort-arrow)' });
}

function segment(x1: number, y1: number, x2: number, y2: number): XmlNode {
  return x('line', { x1, y1, x2, y2, stroke: '#1f2937' });
}

function columnsOf(
  counts: ConsortCountsBlinded | ConsortCounts,
  options: ConsortSvgOptions,
  L: ConsortLabels,
) {
  const arms = !options.blinded && 'arms' in counts ? counts.arms : [];
  if (arms.length > 0) {
    return arms.map(
      (arm): Column => ({
        heading: [
          { text: `${L.allocatedTo} ${arm.label[options.locale]}`, bold: true },
          { text: n(arm.allocated) },
        ],
        followUp: arm.followUp,
        allocated: arm.allocated,
        analysed: arm.analysed,
        excludedFromAnalysis: arm.excludedFromAnalysis,
      }),
    );
  }
  const heading: Line[] = [{ text: L.allRandomized, bold: true }, { text: n(counts.randomized) }];
  if (options.blinded) heading.push({ text: L.blindedNote });
  return [
    {
      heading,
      followUp: counts.followUp,
      allocated: counts.randomized,
      analysed: counts.analysed,
      excludedFromAnalysis: counts.excludedFromAnalysis,
    },
  ];
}

function followUpLines(followUp: ConsortFollowUp[], locale: 'en' | 'tr', L: ConsortLabels): Line[] {
  return followUp.flatMap((v) => [
    { text: `${v.label[locale]}: ${v.followedUp} ${L.followedUp}`, bold: true },
    {
      text: `${v.withdrawn} ${L.withdrawn} · ${v.missing} ${L.missing} · ${v.notYetDue} ${L.notYetDue}`,
      indent: true,
    },
  ]);
}

/** One row of boxes, one per column, all as tall as the tallest. */
function row(xs: number[], y: number, lines: Line[][]): Box[] {
  const first = lines.map((l, i) => layoutBox(xs[i] ?? 0, y, BOX_W, l));
  const h = Math.max(...first.map((b) => b.h));
  return lines.map((l, i) => layoutBox(xs[i] ?? 0, y, BOX_W, l, h));
}

export function consortSvg(counts: ConsortCountsBlinded | ConsortCounts, options: ConsortSvgOptions): string {
  const L = consortLabels[options.locale];
  const columns = columnsOf(counts, options, L);
  const colsW = columns.length * BOX_W + (columns.length - 1) * GAP;
  const xs = columns.map((_, i) => CONTENT_X + i * (BOX_W + GAP));
  const centers = xs.map((cx) => cx + BOX_W / 2);
  const mainX = CONTENT_X + colsW / 2 - BOX_W / 2;
  const mainCenter = mainX + BOX_W / 2;
  const excludedX = mainX + BOX_W + GAP;
  const nodes: XmlNode[] = [];

  const assessed = layoutBox(mainX, MARGIN, BOX_W, [
    { text: `${L.assessed} ${n(counts.assessed)}`, bold: true },
  ]);
  const ex = counts.excluded;
  const excluded = layoutBox(excludedX, assessed.y + assessed.h + 20, EXCLUDED_W, [
    { text: `${L.excluded} ${n(ex.total)}`, bold: true },
    { text: `• ${L.notEligible} ${n(ex.notEligible)}` },
    ...ex.byCriterion.map((c) => {
      const label = options.criterionLabels?.[c.criterion];
      return { text: `${c.criterion}${label ? ` ${label}` : ''} ${n(c.count)}`, indent: true };
    }),
    { text: `• ${L.eligibleNotRandomized} ${n(ex.eligibleNotRandomized)}` },
    { text: `• ${L.eligibilityPending} ${n(ex.eligibilityPending)}` },
    { text: `• ${L.screeningClosed} ${n(ex.screeningClosed)}` },
  ]);
  const randomized = layoutBox(mainX, excluded.y + excluded.h + 20, BOX_W, [
    { text: `${L.randomized} ${n(counts.randomized)}`, bold: true },
  ]);
  nodes.push(
    stageLabel(L.enrollment, assessed.y, assessed.h),
    arrow(mainCenter, assessed.y + assessed.h, mainCenter, randomized.y),
    arrow(mainCenter, excluded.y + excluded.h / 2, excluded.x, excluded.y + excluded.h / 2),
    renderBox(assessed),
    renderBox(excluded),
    renderBox(randomized),
  );

  const allocation = row(
    xs,
    randomized.y + randomized.h + ROW_GAP + 12,
    columns.map((c) => c.heading),
  );
  const followUp = row(
    xs,
    (allocation[0]?.y ?? 0) + (allocation[0]?.h ?? 0) + ROW_GAP,
    columns.map((c) => followUpLines(c.followUp, options.locale, L)),
  );
  const analysis = row(
    xs,
    (followUp[0]?.y ?? 0) + (followUp[0]?.h ?? 0) + ROW_GAP,
    columns.map((c) => [
      { text: `${L.analysed} ${n(c.analysed)}`, bold: true },
      { text: `${L.excludedFromAnalysis} ${n(c.excludedFromAnalysis)}` },
    ]),
  );

  // Randomized splits into the columns: down, across, and down into each allocation box.
  const splitY = randomized.y + randomized.h + ROW_GAP / 2;
  nodes.push(segment(mainCenter, randomized.y + randomized.h, mainCenter, splitY));
  if (centers.length > 1) {
    nodes.push(segment(centers[0] ?? 0, splitY, centers[centers.length - 1] ?? 0, splitY));
  }
  for (const [i, cx] of centers.entries()) {
    const [a, f, z] = [allocation[i], followUp[i], analysis[i]];
    if (!a || !f || !z) continue;
    nodes.push(arrow(cx, splitY, cx, a.y), arrow(cx, a.y + a.h, cx, f.y), arrow(cx, f.y + f.h, cx, z.y));
  }
  const first = (boxes: Box[]) => boxes[0] ?? { y: 0, h: 0 };
  nodes.push(
    stageLabel(L.allocation, first(allocation).y, first(allocation).h),
    stageLabel(L.followUp, first(followUp).y, first(followUp).h),
    stageLabel(L.analysis, first(analysis).y, first(analysis).h),
    ...[...allocation, ...followUp, ...analysis].map(renderBox),
  );

  const width = Math.max(CONTENT_X + colsW, excluded.x + excluded.w) + MARGIN;
  const height = first(analysis).y + first(analysis).h + MARGIN;
  const svg = x(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': 'consort-title',
      'font-family': 'Helvetica, Arial, sans-serif',
      'font-size': FONT,
    },
    x('title', { id: 'consort-title' }, L.title),
    x(
      'defs',
      {},
      x(
        'marker',
        {
          id: 'consort-arrow',
          viewBox: '0 0 10 10',
          refX: 10,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
        },
        x('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#1f2937' }),
      ),
    ),
    x('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    ...nodes,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(svg)}`;
}
