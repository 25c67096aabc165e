import { registerTsx } from '../register-tsx.ts';

/**
 * Imports an ink view (.tsx). Node runs .ts itself but not .tsx; when the entry point has not
 * registered tsx (it leaves that to groups that print plain text without a terminal), it is
 * registered here, on first need.
 */
export async function loadView<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    await registerTsx();
    return load();
  }
}
