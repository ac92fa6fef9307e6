import { z } from 'zod';

/**
 * The record status grid (participants × visits × forms) of the daily work screen. One cell per
 * form entered once at a scheduled visit; a blinded viewer's grid has no column of a form hidden
 * from them (R-BLIND-2), and review marks only for viewers who may read them.
 */
export const gridRecordStatusSchema = z.enum(['not_started', 'draft', 'complete', 'signed', 'locked']);
export type GridRecordStatus = z.infer<typeof gridRecordStatusSchema>;

export const gridCellSchema = z.object({
  visitCode: z.string(),
  formCode: z.string(),
  status: gridRecordStatusSchema,
  recordId: z.uuid().nullable(),
  /** Unresolved data queries on the record (open or answered); 0 when the viewer reads none. */
  openQueries: z.int().min(0),
  sdvDone: z.boolean(),
  /** Entered outside the visit window (a reason is on file), or the window closed without it. */
  outOfWindow: z.boolean(),
  /** The visit window has opened (due, overdue or done): the form is expected by now. */
  due: z.boolean(),
});
export type GridCell = z.infer<typeof gridCellSchema>;

/**
 * A column of repeating records (treatment sessions, adverse events, deviations): records that
 * exist only when something happened, so one cell per participant, not per visit. The arms'
 * intervention forms share the column `treatment` (a participant has only its own arm's).
 */
export const gridSeriesColumnSchema = z.object({ code: z.string(), forms: z.array(z.string()) });
export type GridSeriesColumn = z.infer<typeof gridSeriesColumnSchema>;

/** A participant's repeating records of one column: how many, and the least advanced status. */
export const gridSeriesCellSchema = z.object({
  code: z.string(),
  count: z.int().min(0),
  /** Draft before complete before signed before locked; not_started when there is none. */
  status: gridRecordStatusSchema,
  openQueries: z.int().min(0),
  /** Every record of the column verified at the source (false when there is none). */
  sdvDone: z.boolean(),
});
export type GridSeriesCell = z.infer<typeof gridSeriesCellSchema>;

export const gridRowSchema = z.object({
  participantId: z.uuid(),
  studyId: z.string(),
  siteId: z.uuid(),
  siteCode: z.string(),
  participantStatus: z.string(),
  cells: z.array(gridCellSchema),
  series: z.array(gridSeriesCellSchema),
});
export type GridRow = z.infer<typeof gridRowSchema>;

export const gridColumnSchema = z.object({ visitCode: z.string(), formCode: z.string() });
export type GridColumn = z.infer<typeof gridColumnSchema>;

export const recordGridSchema = z.object({
  columns: z.array(gridColumnSchema),
  series: z.array(gridSeriesColumnSchema),
  rows: z.array(gridRowSchema),
});
export type RecordGrid = z.infer<typeof recordGridSchema>;

export const recordGridQuerySchema = z.object({ siteId: z.uuid().optional() });
