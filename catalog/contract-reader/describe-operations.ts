import { splitQName, type ContractModel, type QName, type SoapVersion } from './model.ts';
import { describeElement, type FieldModel } from './describe-element.ts';
import { readContract } from './read-contract.ts';

export interface MessageView {
  /** `{ns}local` of the body element. */
  element: QName;
  name: string;
  namespace: string;
  fields: FieldModel[];
  /** SOAP header elements (e.g. RequestHeader), described the same way. */
  headers: { element: QName; fields: FieldModel[] }[];
}

export interface OperationView {
  service: string;
  port: string;
  soapVersion: SoapVersion;
  address?: string;
  name: string;
  soapAction: string;
  input?: MessageView;
  output?: MessageView;
  faults: { name: string; element?: QName; fields: FieldModel[] }[];
}

const fieldsOf = (m: ContractModel, el: QName) => describeElement(m.schema, el)?.fields ?? [];

function message(m: ContractModel, msg: { body: QName[]; headers: QName[] } | undefined): MessageView | undefined {
  const [element] = msg?.body ?? [];
  if (msg === undefined || element === undefined) return undefined;
  const { ns, local } = splitQName(element);
  return {
    element,
    name: local,
    namespace: ns,
    fields: fieldsOf(m, element),
    headers: msg.headers.map((h) => ({ element: h, fields: fieldsOf(m, h) })),
  };
}

/**
 * Every operation of a contract with what a reader needs to call it: soapAction, SOAP version,
 * input and output elements and their fields (name, type, cardinality, facets). For the site's
 * contract pages. Accepts contract file paths (read with readContract) or an already read model.
 */
export function describeOperations(contract: string | string[] | ContractModel): OperationView[] {
  const m = typeof contract === 'string' || Array.isArray(contract) ? readContract(contract) : contract;
  return m.services.flatMap((s) =>
    s.ports.flatMap((p) =>
      p.operations.map((op) => {
        const view: OperationView = {
          service: s.name,
          port: p.name,
          soapVersion: p.soapVersion,
          name: op.name,
          soapAction: op.soapAction,
          faults: op.faults.map((f) => ({ ...f, fields: f.element ? fieldsOf(m, f.element) : [] })),
        };
        if (p.address !== undefined) view.address = p.address;
        const input = message(m, op.input);
        const output = message(m, op.output);
        if (input) view.input = input;
        if (output) view.output = output;
        return view;
      }),
    ),
  );
}
