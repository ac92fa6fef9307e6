/**
 * The sentences the API words a refusal with, each under a code with named parameters
 * (docs/errors.md, "Message codes"). The API sends the code and parameters next to the English
 * sentence rendered from this table; the web words each code itself in the interface language
 * (apps/web/src/i18n/server-messages.*.ts, a test checks both languages have every code), so no
 * English sentence reaches a Turkish screen. Parameters are ids, numbers and dates, never prose.
 */
export const serverMessages = {
  SCREENING_CLOSED: 'This screening was closed as abandoned; nothing more is recorded for it.',
  SCREENING_NOT_OPEN: 'Only a screening that has not reached a decision can be closed.',
  SDV_NOT_VERIFIED: 'This record is not marked as source-verified.',
  SDV_DRAFT: 'A draft cannot be verified; the site must complete it first.',
  SDV_NOTHING_AT_VISIT: 'No completed records at visit {{visit}} to verify.',
  RECORD_NOT_FOUND: 'No such record at your sites.',
  PARTICIPANT_NOT_FOUND: 'No such participant at your sites.',
  REASON_REQUIRED_FOR_CHANGE: 'Give a reason for this change.',
  ODI_STATEMENTS_NOT_LOADED: 'The ODI statements were not loaded: see what is wrong with the file.',
} as const satisfies Record<string, string>;

export type ServerMessageCode = keyof typeof serverMessages;
export type MessageParams = Record<string, string | number>;

export function isServerMessageCode(value: unknown): value is ServerMessageCode {
  return typeof value === 'string' && Object.hasOwn(serverMessages, value);
}

/** The English sentence of a code, its {{placeholders}} filled from the parameters. */
export function serverMessageText(code: ServerMessageCode, params: MessageParams = {}): string {
  return serverMessages[code].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
