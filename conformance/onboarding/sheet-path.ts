import { isAbsolute, join, resolve } from 'node:path';

/** The environment variable that names the sheet file when `--sheet` is not given. */
export const sheetEnvVariable = 'KLARMELD_SHEET';

/** `--sheet`, else $KLARMELD_SHEET, else `.klarmeld/sheet.sqlite` under the working directory. */
export function resolveSheetPath(options: {
  flag?: string;
  env?: Record<string, string | undefined>;
  cwd: string;
}): string {
  const chosen = options.flag ?? options.env?.[sheetEnvVariable];
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(options.cwd, chosen);
  return join(options.cwd, '.klarmeld', 'sheet.sqlite');
}
