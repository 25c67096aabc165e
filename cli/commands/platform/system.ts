import { UsageError } from '../../usage-error.ts';
import { checkShape, withAdminSession } from './admin-session.ts';
import type { PlatformContext } from './platform-context.ts';

/** `klarmeld platform system add|list|revoke`: register an it-system (and issue its certificate), list them, revoke one. */
export async function system(context: PlatformContext): Promise<number> {
  checkShape('system', { add: 1, list: 0, revoke: 1 }, context);
  const { sub: verb, rest, values, help } = context;
  const text = await import('../../ui/platform-text.ts');
  return withAdminSession(context, async (session, emit) => {
    const arg = rest[0];
    if (verb === 'add' && arg && rest.length === 1) {
      const added = await session.admin.addSystem({
        name: arg,
        supplierCvr: values.supplier as string | undefined,
        callback: values.callback as string | undefined,
      });
      emit(added, text.systemAddedText(added));
    } else if (verb === 'revoke' && arg && rest.length === 1) {
      const revoked = session.admin.revokeSystem(arg);
      emit(
        revoked,
        `Revoked ${revoked.revoked} certificate(s) of ${revoked.name} (${revoked.systemUuid}). Its connections are refused from now on.`,
      );
    } else if (verb === 'list' && rest.length === 0) {
      const list = session.registry
        .listSystems()
        .map((s) => ({ ...s, revoked: session.registry.certificatesOf(s.uuid).every((c) => c.revoked) }));
      emit(list, text.systemListText(list));
    } else
      throw new UsageError(
        `Use "platform system add <name>", "platform system list" or "platform system revoke <uuid|name>".\n\n${help}`,
      );
  });
}
