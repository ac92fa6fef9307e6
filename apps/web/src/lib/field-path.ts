/**
 * The form field an API error path points at: "body.siteIds.0" → "siteIds", when the form has a
 * field of that name; null otherwise (the message then joins the form's general alert).
 */
export function fieldForPath<T extends string>(path: string, fields: readonly T[]): T | null {
  const bare = path.replace(/^body\.?/, '');
  const exact = fields.find((f) => f === bare);
  if (exact) return exact;
  const first = bare.split('.')[0];
  return fields.find((f) => f === first) ?? null;
}
