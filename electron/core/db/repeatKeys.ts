// The one definition of "the same address" and "the same victim", for the repeat-call rules,
// the incident's previous incidents and the queue's repeat mark. Addresses, phone numbers and
// names are typed loosely by different call handlers, so they are compared by keys written
// exactly as the indexes of migration 4 hold them, so that SQLite can use those indexes. Case
// is folded for ASCII letters only (SQLite's lower()).

/** Where the incident compared against takes its values: named parameters or a row's columns. */
export interface RepeatTarget {
  address: string
  postcode: string
  phone: string
  name: string
  dob: string
}

/** The named parameters of RepeatQuery. */
export const PARAMS: RepeatTarget = {
  address: ':address',
  postcode: ':postcode',
  phone: ':victimPhone',
  name: ':victimName',
  dob: ':victimDob',
}

const addressKey = (x: string) =>
  `lower(replace(replace(replace(replace(${x}, ' ', ''), char(9), ''), char(10), ''),
    char(13), ''))`
/** The last ten digits, so 07700 900456 and +44 7700 900456 are the same number. */
const phoneKey = (x: string) =>
  `substr(replace(replace(replace(replace(replace(replace(${x}, ' ', ''), '-', ''), '(', ''),
    ')', ''), '+', ''), '.', ''), -10)`
const nameKey = (x: string) => `lower(replace(${x}, ' ', ''))`
const postcodeKey = (x: string) => `upper(replace(${x}, ' ', ''))`

/** Incident `o` is at the target's address. Where both give a postcode it must agree: "2 High
 * Street" is in many towns. */
export const sameAddress = (o: string, t: RepeatTarget) =>
  `(${addressKey(`${o}.address`)} = ${addressKey(t.address)}
    AND ${addressKey(t.address)} <> ''
    AND (${o}.postcode IS NULL OR ${t.postcode} IS NULL
         OR ${postcodeKey(`${o}.postcode`)} = ${postcodeKey(t.postcode)}))`

/** A number too short to be one ("999", "n/a") matches nothing. */
export const samePhone = (o: string, t: RepeatTarget) =>
  `(${phoneKey(`${o}.victim_phone`)} = ${phoneKey(t.phone)} AND length(${phoneKey(t.phone)}) >= 6)`

/** A name without a date of birth matches nothing. */
export const sameNameAndDob = (o: string, t: RepeatTarget) =>
  `(${nameKey(`${o}.victim_name`)} = ${nameKey(t.name)} AND ${o}.victim_dob = ${t.dob}
    AND ${nameKey(t.name)} <> '')`

/** The worker has not dismissed incident `o` as a false match of this kind for `incidentId`. */
export const notDismissed = (o: string, incidentId: string, kind: 'address' | 'victim') =>
  `NOT EXISTS (SELECT 1 FROM repeat_dismissals d
               WHERE d.incident_id = ${incidentId} AND d.earlier_id = ${o}.id
                 AND d.kind = '${kind}')`
