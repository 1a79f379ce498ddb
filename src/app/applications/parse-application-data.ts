import type { ApplicationData } from '../../domain/application.js';
import { applicationDataSchema } from '../../domain/application.js';
import { DomainError } from '../../domain/errors.js';

/**
 * Checks the shape of application data from any entrance (portal, API, message, file): known keys,
 * the right kinds of value, sizes. What the boxes say is for the field rules.
 */
export function parseApplicationData(input: unknown, pathPrefix = 'data'): ApplicationData {
  const parsed = applicationDataSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new DomainError(
    'VALIDATION_FAILED',
    'The application data is not in the expected form.',
    parsed.error.issues.slice(0, 50).map((issue) => ({
      path: [pathPrefix, ...issue.path].filter((part) => part !== '').join('.'),
      code: issue.code,
      message: issue.message,
    })),
  );
}
