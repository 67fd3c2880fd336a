// What the figures count of the support car's work beside the desk's phone work in a period, in
// the shape the scheme publishes: victims engaged, referred to DA services and to other services
// and moved to safety (each by phone, by visit and in all, every victim once), and Clare's Law
// disclosures given at visits. Counted by when each record was made, like the follow-ups.
import type { SupportCarFigures } from '#shared/supportCar.ts'
import type { Db } from '../db/openDatabase.ts'
import { supportCarQueries } from '../db/supportCarQueries.ts'

export function supportCarFigures(db: Db, period: { from: string; to: string }): SupportCarFigures {
  return supportCarQueries(db).figures(period.from, period.to)
}
