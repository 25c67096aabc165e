/** One fault builder for the whole platform: SOAP 1.1/1.2 faults and the official ServiceplatformFault. */
export {
  soapFault,
  soapEnvelopeNs,
  soapContentType,
  type SoapFaultSpec,
  type FaultSide,
  type FaultResponse,
} from './soap-fault.ts';
export {
  serviceplatformFault,
  serviceplatformFaultDetail,
  serviceplatformFaultNs,
  type PlatformError,
} from './serviceplatform-fault.ts';
export { platformErrors } from './fault-codes.ts';
