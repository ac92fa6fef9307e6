import { isServerMessageCode } from '@mini-edc/domain';
import { ApiError } from '../api/client';
import { i18n } from './index';

const codes = [
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CSRF_FAILED',
  'PASSWORD_CHANGE_REQUIRED',
  'PAYLOAD_TOO_LARGE',
  'DATA_ENTRY_CLOSED',
  'AMENDMENT_CONFLICTS_WITH_DATA',
  'STUDY_LOCKED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;
type KnownCode = (typeof codes)[number];

function isKnownCode(code: string | undefined): code is KnownCode {
  return codes.includes(code as KnownCode);
}

/**
 * Codes the web words itself, whatever the message code: the screen knows what to do next (save
 * again after a token renewal, wait after too many attempts) and a failed sign-in stays vague.
 */
const ownWordsCodes = new Set<KnownCode>([
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'PASSWORD_CHANGE_REQUIRED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
]);

/**
 * The refusal's message code worded in the interface language (docs/errors.md, "Message codes"),
 * or null when the answer carries none this catalogue knows.
 */
export function codedMessageText(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const coded = error.body?.error;
  if (!coded?.messageCode || !isServerMessageCode(coded.messageCode)) return null;
  return i18n.t(`serverMessages.${coded.messageCode}`, coded.params ?? {});
}

/**
 * One sentence for a person, in the interface language, describing why a request failed: the
 * message code's text, else the error code's; the server's English sentence is never shown.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t('errors.network');
  const code = error.code;
  if (isKnownCode(code) && ownWordsCodes.has(code)) return i18n.t(`errors.${code}`);
  const coded = codedMessageText(error);
  if (coded) return coded;
  if (isKnownCode(code)) return i18n.t(`errors.${code}`);
  return error.status >= 500 ? i18n.t('errors.INTERNAL') : i18n.t('errors.unknown');
}
