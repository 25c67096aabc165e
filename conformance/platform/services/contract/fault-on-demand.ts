import type { KorsbaekSample } from '../../../../catalog/index.ts';
import type { Message, MessageField } from '../../../../catalog/index.ts';
import type { PlatformError } from '../../faults/index.ts';
import type { Soap12Fault } from '../../sts/soap12-fault.ts';

/** The ErrorCode of a fault asked for on demand (KOMBIT publishes no codes; this one is klarmeld's). */
export const faultOnDemandCode = 'TestFaultRequested';

export const faultOnDemandText = (path: string) =>
  `Korsbæk Kommune's test data answers ${path} with this fault: the value is klarmeld's fault-on-demand value for the field, which no real client sends. The system under test must report the fault to its user, not crash or retry without end.`;

/** Serviceplatformen's answer: a ServiceplatformFault. */
export const serviceplatformFaultOnDemand = (path: string): PlatformError => ({
  code: faultOnDemandCode,
  text: faultOnDemandText(path),
});

const has = (fields: MessageField[] | undefined, name: string): MessageField | undefined =>
  fields?.find((f) => f.name === name);

/**
 * A Støttesystem's answer, as its contract can say it: StandardRetur with StatusKode 50 and a
 * FejlbeskedTekst (Organisation, Klassifikation, Ydelsesindeks), or HovedOplysningerSvar with a
 * SvarReaktion/Fejl (the int/2017 and int/2022 services such as YdelseListeHent), both inside a
 * normal response; a contract with neither gets a SOAP Receiver fault.
 */
export function stoettesystemFaultOnDemand(
  output: Message | undefined,
  path: string,
): { samples: KorsbaekSample[]; prefer: string[]; statusKode?: number } | { fault: Soap12Fault } {
  const text = faultOnDemandText(path);
  const standardRetur = has(output?.fields, 'StandardRetur');
  if (standardRetur) {
    return {
      statusKode: 50,
      prefer: ['StandardRetur'],
      samples: [
        { field: 'StandardRetur/StatusKode', values: ['50'] },
        { field: 'StandardRetur/FejlbeskedTekst', values: [text] },
      ],
    };
  }
  const reaction = has(has(output?.fields, 'HovedOplysningerSvar')?.fields, 'SvarReaktion');
  if (reaction && has(reaction.fields, 'Fejl')) {
    return {
      prefer: ['Fejl'],
      samples: [
        { field: 'SvarReaktion/Fejl/FejlId', values: [faultOnDemandCode] },
        { field: 'SvarReaktion/Fejl/FejlTekst', values: [text.slice(0, 250)] },
      ],
    };
  }
  return {
    fault: {
      code: `contract.${faultOnDemandCode}`,
      role: 'Receiver',
      subcode: 'wsa:EndpointUnavailable',
      reason: text,
      httpStatus: 500,
    },
  };
}
