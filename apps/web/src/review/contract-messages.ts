import type { FieldValues, Resolver, UseFormSetError } from 'react-hook-form';
import { i18n } from '../i18n';

/**
 * The English sentences of the review contracts (packages/domain contracts/review.ts) with their
 * interface text, so a Turkish user reads field errors in Turkish. Unknown sentences pass as they are.
 */
const contractKeys = {
  'Write a message': 'writeMessage',
  'At most 2000 characters': 'tooLong',
  'Not a field name': 'chooseField',
  'Not a valid record id': 'invalidRecord',
  'Not a field of the form': 'chooseField',
} as const;

function contractMessage(message: string | undefined): string | undefined {
  if (!message) return message;
  const bare = message.replace(/^Not a field of the \w+ form$/, 'Not a field of the form');
  const key = contractKeys[bare as keyof typeof contractKeys];
  return key ? i18n.t(`monitor.contract.${key}`) : message;
}

/** Wraps a resolver so its field messages are shown in the interface language. */
export function localized<T extends FieldValues>(resolver: Resolver<T>): Resolver<T> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    for (const error of Object.values(result.errors)) {
      if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
        error.message = contractMessage(error.message);
      }
    }
    return result;
  };
}

/** setError that shows the API's field sentences in the interface language where known. */
export function localizedSetError<T extends FieldValues>(setError: UseFormSetError<T>): UseFormSetError<T> {
  return (name, error, options) =>
    setError(name, { ...error, message: contractMessage(error.message) }, options);
}
