import type { ServerMessageCode } from '@mini-edc/domain';

/**
 * The API's message codes in English (packages/domain/src/contracts/server-messages.ts;
 * docs/errors.md, "Message codes"). Worded for the person at the screen: no field codes, no
 * formulas. A test checks that every code has its text here and in Turkish.
 */
export const serverMessagesEn: Record<ServerMessageCode, string> = {
  SCREENING_CLOSED: 'This screening was closed as abandoned; nothing more is recorded for it.',
  SCREENING_NOT_OPEN: 'Only a screening that has not reached a decision can be closed.',
  SDV_NOT_VERIFIED: 'This record is not marked as source-verified.',
  SDV_DRAFT: 'A draft cannot be verified; the site must complete it first.',
  SDV_NOTHING_AT_VISIT: 'No completed records at visit {{visit}} to verify.',
  RECORD_NOT_FOUND: 'No such record at your sites.',
  PARTICIPANT_NOT_FOUND: 'No such participant at your sites.',
  REASON_REQUIRED_FOR_CHANGE: 'Give a reason for this change.',
  ODI_STATEMENTS_NOT_LOADED: 'The ODI statements were not loaded: see what is wrong with the file.',
};
