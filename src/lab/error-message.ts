import { isSwotError } from '../core/errors';

/**
 * The text a user sees for a failure: the core's typed errors as they are (they
 * name the file, say what is wrong and what to do: the same words as the CLI and
 * the kernel), anything else after `what` ("Cannot open x.nc").
 */
export function errorMessage(what: string, error: unknown): string {
  return isSwotError(error) ? error.message : `${what}: ${error instanceof Error ? error.message : String(error)}`;
}
