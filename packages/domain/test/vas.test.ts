import { describe, expect, it } from 'vitest';
import { isLargeVasChange, vasAssessmentSchema, vasChange, vasFromPaperMark } from '../src/scoring/vas';

describe('vasAssessmentSchema (protocol §2.2 edit checks)', () => {
  it('accepts whole mm 0–100', () => {
    expect(vasAssessmentSchema.parse({ vas_mm: 0, vas_method: 'electronic' }).vas_mm).toBe(0);
    expect(vasAssessmentSchema.parse({ vas_mm: 100, vas_method: 'paper' }).vas_mm).toBe(100);
  });

  it.each([
    [{ vas_mm: 101, vas_method: 'paper' }, /above 100/],
    [{ vas_mm: -1, vas_method: 'paper' }, /below 0/],
    [{ vas_mm: 42.5, vas_method: 'paper' }, /whole number of millimetres/],
    [{ vas_method: 'paper' }, /VAS is required/],
    [{ vas_mm: 40, vas_method: 'pen' }, /"paper" or "electronic"/],
  ])('rejects %j with a clear message', (input, message) => {
    const result = vasAssessmentSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });

  it('checks a photocopied line: the VAS is 100 × mark / length, rounded', () => {
    const ok = { vas_mm: 47, vas_method: 'paper', vas_mark_mm: 45, vas_line_length_mm: 95 };
    expect(vasAssessmentSchema.safeParse(ok).success).toBe(true);
    const wrong = vasAssessmentSchema.safeParse({ ...ok, vas_mm: 45 });
    // The rule and the expected value as parameters; the sentence has no formula or field code.
    expect(wrong.error?.issues[0]).toMatchObject({
      path: ['vas_mm'],
      params: { rule: 'VAS_PAPER_MISMATCH', expected: 47, mark: 45, length: 95 },
    });
    expect(wrong.error?.issues[0]?.message).not.toMatch(/vas_|round\(|×/);
    const half = vasAssessmentSchema.safeParse({ vas_mm: 45, vas_method: 'paper', vas_line_length_mm: 95 });
    expect(half.error?.issues[0]?.path).toEqual(['vas_mark_mm']);
    const electronic = vasAssessmentSchema.safeParse({ ...ok, vas_method: 'electronic' });
    expect(electronic.error?.issues[0]?.path).toEqual(['vas_method']);
    const beyond = vasAssessmentSchema.safeParse({ ...ok, vas_mark_mm: 96, vas_mm: 100 });
    expect(beyond.error?.issues[0]?.path).toEqual(['vas_mark_mm']);
  });
});

describe('vasFromPaperMark', () => {
  it('rounds half up', () => {
    expect(vasFromPaperMark(45, 95)).toBe(47); // 47.37
    expect(vasFromPaperMark(1, 200)).toBe(1); // 0.5 exactly
    expect(vasFromPaperMark(50, 100)).toBe(50);
    expect(vasFromPaperMark(0, 90)).toBe(0);
    expect(vasFromPaperMark(90, 90)).toBe(100);
  });

  it('refuses a mark off the line', () => {
    expect(() => vasFromPaperMark(101, 100)).toThrow(RangeError);
    expect(() => vasFromPaperMark(5, 0)).toThrow(RangeError);
  });
});

describe('VAS change and responder rule (protocol §2.3)', () => {
  it('is a responder by ≥ 15 mm improvement', () => {
    expect(vasChange(40, 25)).toMatchObject({
      delta: -15,
      responder: true,
      byAbsolute: true,
      byRelative: true,
    });
    expect(vasChange(80, 66)).toMatchObject({ responder: false, byAbsolute: false, byRelative: false });
  });

  it('is a responder by ≥ 30 % of baseline even below 15 mm', () => {
    expect(vasChange(30, 21)).toMatchObject({ responder: true, byAbsolute: false, byRelative: true });
    expect(vasChange(30, 22)).toMatchObject({ responder: false });
  });

  it('takes the thresholds as parameters (Ostelo & de Vet 2005: 20 mm)', () => {
    expect(vasChange(80, 62, { absoluteMm: 20, relativeFraction: 0.3 }).responder).toBe(false);
    expect(vasChange(80, 60, { absoluteMm: 20, relativeFraction: 0.3 }).responder).toBe(true);
  });

  it('never calls worsening or no change a response', () => {
    expect(vasChange(0, 0).responder).toBe(false);
    expect(vasChange(20, 40).responder).toBe(false);
  });

  it('warns on a change of 50 mm or more either way', () => {
    expect(isLargeVasChange(70, 20)).toBe(true);
    expect(isLargeVasChange(20, 70)).toBe(true);
    expect(isLargeVasChange(70, 21)).toBe(false);
    expect(vasChange(90, 30).largeChangeWarning).toBe(true);
  });
});

describe('VAS paper-line checks, one rule at a time (protocol §2.2)', () => {
  const paper = { vas_mm: 47, vas_method: 'paper', vas_mark_mm: 45, vas_line_length_mm: 95 };
  const firstIssue = (input: unknown) => vasAssessmentSchema.safeParse(input).error?.issues[0];

  it('refuses a line length or a mark alone on an electronic VAS', () => {
    expect(firstIssue({ vas_mm: 40, vas_method: 'electronic', vas_line_length_mm: 95 })).toMatchObject({
      code: 'custom',
      path: ['vas_method'],
      message: 'a line length or mark applies to paper VAS only',
      params: { rule: 'VAS_PAPER_ONLY' },
    });
    expect(firstIssue({ vas_mm: 40, vas_method: 'electronic', vas_mark_mm: 40 })?.path).toEqual([
      'vas_method',
    ]);
  });

  it('names the missing half of a paper measurement', () => {
    const noLength = { vas_mm: 47, vas_method: 'paper', vas_mark_mm: 45 };
    expect(firstIssue(noLength)).toMatchObject({
      code: 'custom',
      path: ['vas_line_length_mm'],
      message: 'enter both the measured mark and the printed line length',
      params: { rule: 'VAS_MARK_AND_LENGTH' },
    });
  });

  it('accepts a mark at the very end of the line, and refuses one beyond it', () => {
    expect(vasAssessmentSchema.safeParse({ ...paper, vas_mark_mm: 95, vas_mm: 100 }).success).toBe(true);
    expect(firstIssue({ ...paper, vas_mark_mm: 96, vas_mm: 100 })).toMatchObject({
      code: 'custom',
      path: ['vas_mark_mm'],
      message: 'the mark lies beyond the end of the line',
      params: { rule: 'VAS_MARK_BEYOND_LINE' },
    });
  });

  it('states the expected value when vas_mm does not match the paper measurement', () => {
    expect(firstIssue({ ...paper, vas_mm: 45 })).toMatchObject({
      code: 'custom',
      path: ['vas_mm'],
      message: 'The VAS for a mark at 45 mm on a 95 mm line is 47 mm',
    });
  });

  it('refuses a line of zero length or a mark before its start', () => {
    expect(() => vasFromPaperMark(0, 0)).toThrow('the line length must be positive');
    expect(() => vasFromPaperMark(0, -10)).toThrow('the line length must be positive');
    expect(() => vasFromPaperMark(-1, 100)).toThrow('the mark must lie on the line');
    expect(() => vasFromPaperMark(101, 100)).toThrow('the mark must lie on the line');
  });

  it('scores a mark measured to a fraction of a millimetre', () => {
    expect(vasFromPaperMark(45.5, 95)).toBe(48); // 47.89
    expect(vasFromPaperMark(12.5, 50)).toBe(25);
    expect(vasFromPaperMark(0.4, 100)).toBe(0);
  });
});
