import { z } from 'zod';

/** The VAS line is 100 mm (protocol §2.1); scores are whole mm, 0 = no pain, 100 = worst. */
export const VAS_MAX_MM = 100;

const wholeMm = (what: string) =>
  z.int({
    error: (issue) =>
      issue.input === undefined ? `${what} is required` : `${what} must be a whole number of millimetres`,
  });

/**
 * A VAS record (protocol §2.2). Edit checks: integers only, 0–100, required on completion.
 * On paper, a line that is not 100 mm long (e.g. photocopied) is entered as the measured mark and
 * the line length; vas_mm must then equal round(100 × mark / length).
 */
export const vasAssessmentSchema = z
  .object({
    vas_mm: wholeMm('VAS')
      .min(0, { error: 'VAS is 0–100 mm; it cannot be below 0' })
      .max(VAS_MAX_MM, { error: 'VAS is 0–100 mm; it cannot be above 100' }),
    vas_method: z.enum(['paper', 'electronic'], { error: 'The VAS method is "paper" or "electronic"' }),
    vas_line_length_mm: wholeMm('The printed line length')
      .min(50, { error: 'the printed line length should be 50–200 mm' })
      .max(200, { error: 'the printed line length should be 50–200 mm' })
      .optional(),
    vas_mark_mm: wholeMm('The measured mark').min(0, { error: 'the mark cannot be below 0 mm' }).optional(),
  })
  .superRefine((v, ctx) => {
    const hasLength = v.vas_line_length_mm !== undefined;
    const hasMark = v.vas_mark_mm !== undefined;
    if ((hasLength || hasMark) && v.vas_method !== 'paper') {
      ctx.addIssue({
        code: 'custom',
        path: ['vas_method'],
        message: 'a line length or mark applies to paper VAS only',
        params: { rule: 'VAS_PAPER_ONLY' },
      });
      return;
    }
    if (hasLength !== hasMark) {
      ctx.addIssue({
        code: 'custom',
        path: [hasLength ? 'vas_mark_mm' : 'vas_line_length_mm'],
        message: 'enter both the measured mark and the printed line length',
        params: { rule: 'VAS_MARK_AND_LENGTH' },
      });
      return;
    }
    if (v.vas_line_length_mm !== undefined && v.vas_mark_mm !== undefined) {
      if (v.vas_mark_mm > v.vas_line_length_mm) {
        ctx.addIssue({
          code: 'custom',
          path: ['vas_mark_mm'],
          message: 'the mark lies beyond the end of the line',
          params: { rule: 'VAS_MARK_BEYOND_LINE' },
        });
        return;
      }
      const expected = vasFromPaperMark(v.vas_mark_mm, v.vas_line_length_mm);
      if (v.vas_mm !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['vas_mm'],
          // Worded without the formula or field names: people read it (docs/errors.md).
          message: `The VAS for a mark at ${v.vas_mark_mm} mm on a ${v.vas_line_length_mm} mm line is ${expected} mm`,
          params: {
            rule: 'VAS_PAPER_MISMATCH',
            expected,
            mark: v.vas_mark_mm,
            length: v.vas_line_length_mm,
          },
        });
      }
    }
  });
export type VasAssessment = z.infer<typeof vasAssessmentSchema>;

/**
 * Paper line not 100 mm long: vas_mm = round(100 × mark / length) (protocol §2.2), half up,
 * computed in integers for whole-mm inputs.
 */
export function vasFromPaperMark(markMm: number, lineLengthMm: number): number {
  if (!(lineLengthMm > 0)) throw new RangeError('the line length must be positive');
  if (!(markMm >= 0 && markMm <= lineLengthMm)) throw new RangeError('the mark must lie on the line');
  if (Number.isInteger(markMm) && Number.isInteger(lineLengthMm)) {
    return Math.floor((200 * markMm + lineLengthMm) / (2 * lineLengthMm));
  }
  return Math.round((100 * markMm) / lineLengthMm);
}

/** VAS responder thresholds (protocol §2.3, Ostelo 2008); both live in the study definition. */
export interface VasResponderThresholds {
  /** Improvement of at least this many mm. Default 15. */
  absoluteMm: number;
  /** Improvement of at least this fraction of baseline. Default 0.30. */
  relativeFraction: number;
}

export const DEFAULT_VAS_RESPONDER: VasResponderThresholds = { absoluteMm: 15, relativeFraction: 0.3 };

export interface VasChange {
  /** Follow-up − baseline in mm (negative = better). */
  delta: number;
  responder: boolean;
  byAbsolute: boolean;
  byRelative: boolean;
  /** |Δ| ≥ 50 mm: warn, but accept (possible transcription error, §2.2). */
  largeChangeWarning: boolean;
}

/** A change of this many mm or more from baseline is flagged for checking (protocol §2.2). */
export const VAS_LARGE_CHANGE_MM = 50;

/** True when |follow-up − baseline| ≥ 50 mm (a warning, never a rejection; protocol §2.2). */
export function isLargeVasChange(baselineMm: number, followUpMm: number): boolean {
  return Math.abs(followUpMm - baselineMm) >= VAS_LARGE_CHANGE_MM;
}

const SCALE = 1_000_000;

/**
 * Responder rule (protocol §2.3): improvement ≥ 15 mm or ≥ 30 % of baseline. Compared in scaled
 * integers so 30 % of 50 is exactly 15. The relative rule needs some improvement, so an unchanged
 * 0 mm baseline is not a responder.
 */
export function vasChange(
  baselineMm: number,
  followUpMm: number,
  thresholds: VasResponderThresholds = DEFAULT_VAS_RESPONDER,
): VasChange {
  const improvement = baselineMm - followUpMm;
  const byAbsolute = improvement * SCALE >= Math.round(thresholds.absoluteMm * SCALE);
  const byRelative =
    improvement > 0 && improvement * SCALE >= Math.round(thresholds.relativeFraction * SCALE) * baselineMm;
  return {
    delta: followUpMm - baselineMm,
    responder: byAbsolute || byRelative,
    byAbsolute,
    byRelative,
    largeChangeWarning: isLargeVasChange(baselineMm, followUpMm),
  };
}
