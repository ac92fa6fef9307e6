import { type FieldCode, fieldMessages } from '@mini-edc/domain';

/**
 * The field codes in English: the sentences the API itself renders them with
 * (packages/domain/src/contracts/field-messages.ts; docs/errors.md, "Field codes"), written once for
 * both. A test checks every code has its text here and in Turkish.
 */
export const fieldMessagesEn: Record<FieldCode, string> = fieldMessages;

/** How a value in a named format looks (INVALID_FORMAT's `format`), and the text for an unknown code. */
export const fieldFormatsEn = {
  email: 'Enter an email address, e.g. name@example.org.',
  uuid: 'Not a valid reference; reload the page and choose again.',
  date: 'Use a date like 2026-01-31.',
  datetime: 'Use a date and time like 2026-01-31 08:00.',
  time: 'Use a time like 08:00.',
  pattern: 'This value is not in the expected form.',
  refused: 'This value was refused.',
};
