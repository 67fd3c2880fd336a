// Clare's Law on the command line: `incidents --json` gives each incident's applications with
// their whole status history.
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { cli } from '../../support/cli.ts'
import { tempDir } from '../../support/tempDir.ts'
import { addIncident, closeDesk, must, signIn, testDesk } from '../../support/desk.ts'

it('da-desk incidents --json includes each incident’s Clare’s Law applications', async () => {
  const dataDir = tempDir()
  const d = testDesk(dataDir)
  await signIn(d)
  const incidentId = await addIncident(d)
  const { id } = await must(d, 'claresLaw.raise', {
    incidentId,
    route: 'right-to-know',
    raisedBy: 'police',
    raisedOn: '2026-11-21',
    note: null,
  })
  d.setTime('2026-11-22T09:00:00Z')
  await must(d, 'claresLaw.updateStatus', {
    applicationId: id,
    status: 'withdrawn',
    supportAccepted: null,
    idvaPresent: null,
    note: 'Suspect moved out of the area.',
  })
  await closeDesk(d)

  const run = cli(['incidents', '--db', join(dataDir, 'da-desk.sqlite'), '--json'])
  expect(run.code).toBe(0)
  const [record] = JSON.parse(run.out) as { claresLawApplications: unknown }[]
  const by = 'Jo Example (Harbour)'
  expect(record!.claresLawApplications).toEqual([
    {
      id,
      route: 'right-to-know',
      raisedBy: 'police',
      raisedOn: '2026-11-21',
      recordedAt: '2026-11-21T18:00:00.000Z',
      recordedBy: by,
      status: 'withdrawn',
      supportAccepted: null,
      idvaPresent: null,
      changes: [
        {
          id: expect.any(Number),
          status: 'raised',
          supportAccepted: null,
          idvaPresent: null,
          note: null,
          at: '2026-11-21T18:00:00.000Z',
          by,
        },
        {
          id: expect.any(Number),
          status: 'withdrawn',
          supportAccepted: null,
          idvaPresent: null,
          note: 'Suspect moved out of the area.',
          at: '2026-11-22T09:00:00.000Z',
          by,
        },
      ],
    },
  ])
})
