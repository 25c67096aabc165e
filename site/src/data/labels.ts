import type { Direction, SecurityModel } from './catalog-types.ts';
import type { UiKey } from '../i18n/ui.ts';

/** The site's words for the catalogue's enumerations whose values are codes, not Danish text. */
export const securityKey: Record<SecurityModel, UiKey> = {
  context: 'security_context',
  'saml-token': 'security_saml',
  jwt: 'security_jwt',
  'holder-of-key': 'security_hok',
  certificate: 'security_certificate',
  'saml-signature': 'security_saml_signature',
};

export const directionKey: Record<Direction, UiKey> = {
  'anvender-kalder': 'dir_anvender',
  'platform-kalder': 'dir_platform',
  begge: 'dir_begge',
};
