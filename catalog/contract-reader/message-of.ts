import { describeElement, type FieldModel } from './describe-element.ts';
import { splitQName, type ContractModel, type QName } from './model.ts';
import type { Message, MessageField } from '../schema/message.ts';

/**
 * How many levels of fields below a message element the import writes by default. Two levels
 * show what to send (Bruger laes: UUIDIdentifikator, the virkning filters and their fields) while
 * an Organisation ret stays near 20 lines; deeper complex fields keep their type name only.
 */
export const defaultMessageDepth = 2;

/**
 * A message element as catalogue data: its name, namespace and field tree down to `depth`
 * levels (0 = the element alone). Undefined when the schema does not declare the element.
 */
export function messageOf(
  model: ContractModel,
  element: QName | undefined,
  depth = defaultMessageDepth,
): Message | undefined {
  if (element === undefined) return undefined;
  const described = describeElement(model.schema, element, Math.max(depth, 1));
  if (described === undefined) return undefined;
  const { ns, local } = splitQName(element);
  return { element: local, namespace: ns, fields: depth > 0 ? fieldsOf(described.fields, ns, depth - 1) : [] };
}

function fieldsOf(fields: FieldModel[] | undefined, parentNs: string, levelsLeft: number): MessageField[] {
  return (fields ?? []).map((f) => {
    const out: MessageField = f.any
      ? { name: '*', namespace: f.any.namespaces, type: 'any' }
      : {
          name: f.name,
          ...(f.ns !== parentNs && { namespace: f.ns }),
          type: f.type === '(anonymous)' && f.base ? f.base : f.type,
        };
    if (f.minOccurs !== 1) out.minOccurs = f.minOccurs;
    if (f.maxOccurs !== 1) out.maxOccurs = f.maxOccurs;
    if (f.choice !== undefined) out.choice = f.choice;
    if (f.facets?.enumeration?.length) out.enumeration = [...f.facets.enumeration];
    // What a value must be, for the platform to check a request and make an answer from this data alone.
    if (f.base !== undefined && f.base !== out.type && !f.fields?.length) out.base = f.base;
    if (f.facets?.pattern?.length) out.pattern = [...f.facets.pattern];
    for (const k of ['length', 'minLength', 'maxLength'] as const)
      if (f.facets?.[k] !== undefined) out[k] = f.facets[k];
    if (levelsLeft > 0 && f.fields?.length && !f.any) out.fields = fieldsOf(f.fields, f.ns, levelsLeft - 1);
    return out;
  });
}
