// Marks what names or reaches a person (victim or suspect names, phone numbers, addresses), so
// that privacy mode can blank it. The one rule that does so is in PrivacyStyles.tsx; spread this on
// the element holding the text, or on the <input> itself for a text field.
export const PERSONAL = { 'data-personal': '' } as const

/** The attribute privacy mode sets on the desk while it is on. */
export const PRIVACY_ATTRIBUTE = 'data-privacy'

/** Field paths of the feed record that are personal, for the incident's history of changes. */
export const isPersonalField = (field: string) =>
  /^(victim\.|location\.|suspect\.name$)/.test(field)
