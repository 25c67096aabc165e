import { printJson, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet trusted-keys`: the platform keys the sheet trusts, oldest first. */
export async function trustedKeys({ values, sheetPath, args }: SheetContext): Promise<number> {
  args(0, 0, 'no arguments');
  const { trustedPlatformKeys } = await import('../../services/sheet-record-run.ts');
  const keys = trustedPlatformKeys(sheetPath);
  if (values.json) printJson(keys);
  else
    process.stdout.write(
      keys.length === 0
        ? `The sheet ${sheetPath} trusts no platform key: every recorded run is backed by the supplier's own platform.\n`
        : keys.map((k) => `${k.fingerprint}  ${k.name} (added by ${k.addedBy} ${k.addedAt})\n`).join(''),
    );
  return 0;
}
