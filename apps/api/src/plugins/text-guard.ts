import { DomainError, fieldError, isWellFormedText } from '@mini-edc/domain';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const MAX_DEPTH = 20;

/** The path (e.g. "body.data.description") of the first string or key that is not text, if any. */
function firstMalformedText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : path;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstMalformedText(item, `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!isWellFormedText(key)) return path;
    const found = firstMalformedText(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses, before any route sees it, a request whose parameters, query or JSON body hold a NUL or
 * a lone UTF-16 surrogate (docs/errors.md, TEXT_INVALID_CHARACTERS): PostgreSQL cannot store them
 * and no keyboard types them, so they are answered 400 naming the field, never passed to a query.
 */
export const textGuardPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => {
      const parts = [
        ['params', request.params],
        ['querystring', request.query],
        ['body', request.body],
      ] as const;
      for (const [name, value] of parts) {
        const path = firstMalformedText(value, name);
        if (path) {
          throw new DomainError('VALIDATION_FAILED', 'FIELDS_INVALID', {}, [
            fieldError(path, 'TEXT_INVALID_CHARACTERS'),
          ]);
        }
      }
    });
  },
  { name: 'text-guard' },
);
