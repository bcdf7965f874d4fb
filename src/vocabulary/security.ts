/**
 * Connection security: the modes a server can use, and the choices the checker offers (the modes,
 * plus no encryption at all). Which mode iCloud uses is a setting (content/settings.yaml); this is
 * only the vocabulary, so the schemas, the checker's rules and its <select> name the same choices.
 */
export const SECURITY_MODES = ['STARTTLS', 'SSL/TLS'] as const;
export type SecurityMode = (typeof SECURITY_MODES)[number];

/** The checker's choices in the order of its <select>, with the words each option shows. */
export const SECURITY_CHOICES = [
  { value: 'STARTTLS', label: 'STARTTLS' },
  { value: 'SSL/TLS', label: 'SSL/TLS' },
  { value: 'none', label: 'None' },
] as const;
export type SecurityChoiceValue = (typeof SECURITY_CHOICES)[number]['value'];
export const securityChoiceValues = SECURITY_CHOICES.map((c) => c.value) as [
  SecurityChoiceValue,
  ...SecurityChoiceValue[],
];

/** The checker's security field: one of the choices, or '' for "not sure / not set". */
export type SecurityChoice = '' | SecurityChoiceValue;
