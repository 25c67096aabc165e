/** Namespaces of Serviceplatformen's context security model (sp/InvocationContext_1.xsd, sp/AuthorityContext_1.xsd). */
export const invocationContextNs = 'http://serviceplatformen.dk/xml/schemas/InvocationContext/1/';
export const authorityContextNs = 'http://serviceplatformen.dk/xml/schemas/AuthorityContext/1/';
export const callContextNs = 'http://serviceplatformen.dk/xml/schemas/CallContext/1/';
