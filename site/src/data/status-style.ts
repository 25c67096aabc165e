/** The status styles live with the sheet's words (conformance/onboarding), so the server's web front draws statuses the same way. */
export { noStatusStyle, statusCss, statusStyles, type StatusStyle } from '../../../conformance/onboarding/index.ts';
