import { UsageError } from '../../usage-error.ts';
import { checkShape, withAdminSession } from './admin-session.ts';
import type { PlatformContext } from './platform-context.ts';

/** `klarmeld platform agreement add|approve|list`: service agreements of it-systems with municipalities. */
export async function agreement(context: PlatformContext): Promise<number> {
  checkShape('agreement', { add: 0, approve: 1, list: 0 }, context);
  const { sub, rest, values, help } = context;
  const need = (name: 'system' | 'service' | 'municipality') => {
    const v = values[name];
    if (typeof v !== 'string' || v === '') throw new UsageError(`"platform agreement add" needs --${name}.\n\n${help}`);
    return v;
  };
  // Checked before the data directory is opened (or created).
  if (sub === 'add') for (const name of ['system', 'service', 'municipality'] as const) need(name);
  const text = await import('../../ui/platform-text.ts');
  return withAdminSession(context, async (session, emit) => {
    if (sub === 'add' && rest.length === 0) {
      const added = session.admin.addAgreement({
        system: need('system'),
        service: need('service'),
        municipalityCvr: need('municipality'),
      });
      emit(added, text.agreementText(added, 'Created'));
    } else if (sub === 'approve' && rest.length === 1) {
      const approved = session.admin.approveAgreement(rest[0]!);
      emit(approved, text.agreementText(approved, 'Approved'));
    } else if (sub === 'list' && rest.length === 0) {
      const list = session.admin.agreements(values.system as string | undefined);
      emit(list, text.agreementListText(list));
    } else throw new UsageError(`Use "platform agreement add|approve|list".\n\n${help}`);
  });
}
