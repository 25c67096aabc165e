/**
 * Reads a SOAP fault out of an error thrown by the soap package: the ServiceplatformFault's
 * first ErrorCode/ErrorText when present, else faultcode/faultstring (SOAP 1.1) or
 * Code/Reason (SOAP 1.2). Undefined when the error is not a SOAP fault (e.g. a dropped connection).
 */
export function serviceplatformFault(error: unknown): { code: string; text: string } | undefined {
  const root = (error as { root?: { Envelope?: { Body?: { Fault?: Record<string, unknown> } } } })?.root;
  const fault = root?.Envelope?.Body?.Fault;
  if (!fault) return undefined;
  const detail = (fault.detail ?? fault.Detail) as Record<string, unknown> | undefined;
  const spf = detail?.ServiceplatformFault as { ErrorList?: { Error?: unknown } } | undefined;
  const first = [spf?.ErrorList?.Error].flat()[0] as { ErrorCode?: string; ErrorText?: string } | undefined;
  if (first) return { code: String(first.ErrorCode ?? ''), text: String(first.ErrorText ?? '') };
  const reason = fault.Reason as { Text?: unknown } | undefined;
  const code = fault.Code as { Value?: unknown } | undefined;
  return {
    code: String(fault.faultcode ?? code?.Value ?? ''),
    text: String(fault.faultstring ?? reason?.Text ?? ''),
  };
}
