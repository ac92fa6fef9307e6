import { errorChain } from '@mini-edc/db';

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const unavailableMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'terminating connection',
];

/** True when an error (or its cause) says the database server cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some((link) => {
    const code = 'code' in link ? link.code : undefined;
    const message = 'message' in link ? link.message : undefined;
    if (typeof code === 'string' && unavailableCodes.has(code)) return true;
    return typeof message === 'string' && unavailableMessages.some((m) => message.includes(m));
  });
}
