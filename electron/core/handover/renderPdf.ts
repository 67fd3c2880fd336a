// The handover record as a PDF for people: A4, the protective marking at the top and bottom of
// every page, "Page N of M", and nothing that relies on colour (levels and states are words;
// shading is only behind black text), so it reads the same printed in greyscale. Text is set in
// Helvetica, which every PDF reader has built in, when its Windows-1252 characters can print it;
// any other text (a Polish or Turkish name, an arrow) is set in an embedded DejaVu Sans, so any
// accent prints. Fixed labels use Helvetica Bold.
import PDFDocument from 'pdfkit'
import {
  ACTION_OWNER_LABELS,
  CONTACT_RESULT_LABELS,
  FLAG_LABELS,
  GRADE_NAMES,
} from '#shared/domain.ts'
import { NOTE_TAG_LABELS, PROGRESS_LABELS } from '#shared/domain.ts'
import type { Grade, KnownFlag } from '#shared/domain.ts'
import { ESCALATION_OUTCOME_LABELS, ESCALATION_REASON_LABELS } from '#shared/escalation.ts'
import {
  CONTACT_OUTCOME_LABELS,
  REFERRAL_DECISION_LABELS,
  REFERRAL_SERVICE_LABELS,
} from '#shared/script.ts'
import { FIGURE_LABELS, formatMinutes, shiftLength } from '#shared/handover.ts'
import type {
  HandoverIncident,
  HandoverRecord,
  OutstandingAction,
  ShiftFigures,
} from '#shared/handover.ts'
import { formatDateTime } from '#shared/time.ts'
import {
  CLARES_LAW_APPLICANT_LABELS,
  CLARES_LAW_ROUTE_LABELS,
  CLARES_LAW_STATUS_LABELS,
  SUPPORT_ANSWER_LABELS,
} from '#shared/claresLaw.ts'
import { FOLLOW_UP_OUTCOME_LABELS } from '#shared/followUp.ts'
import { TASKING_PRIORITY_LABELS } from '#shared/supportCar.ts'
import type { ByRoute } from '#shared/supportCar.ts'

const PLAIN = 'Helvetica'
const WIDE = 'DejaVu'
const BOLD = 'Helvetica-Bold'
const MARGIN = { top: 64, bottom: 64, left: 50, right: 50 }
const SHADE = '#e4e4e4'
/** DejaVu Sans's ascent (0.928 em) less Helvetica's (0.718 em): how much lower its baseline sits. */
const ASCENT_GAP = 0.21

/** What Helvetica's Windows-1252 encoding has beyond Latin-1 (pdfkit maps these code points). */
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.charCodeAt(0)))

/**
 * Whether Helvetica prints every character of `text`. A built-in font needs no shaping and
 * nothing embedded, so a busy shift's record, mostly plain English, is laid out quicker and
 * makes a smaller file.
 */
export function printsInHelvetica(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const latin1 = (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || c === 0x0a
    if (!latin1 && !WIN_ANSI_EXTRA.has(c)) return false
  }
  return true
}

/** The font body text is set in. */
const bodyFont = (text: string) => (printsInHelvetica(text) ? PLAIN : WIDE)
/** How far a Helvetica Bold label beside `text` moves down to share its baseline, in em. */
const baselineGap = (text: string) => (printsInHelvetica(text) ? 0 : ASCENT_GAP)

/**
 * The longest the PDF holds its thread before letting it take other messages: laying out a busy
 * shift's pages takes hundreds of milliseconds, in which a second PDF would otherwise wait.
 */
const SLICE_MS = 20

const gradeText = (g: Grade) => `G${g} ${GRADE_NAMES[g]}`
const riskText = (level: string) =>
  level === 'high' ? 'HIGH RISK' : level === 'medium' ? 'Medium risk' : 'Standard risk'
const flagText = (f: string) => FLAG_LABELS[f as KnownFlag] ?? f

/** The record as a PDF; `wideFont` is DejaVu Sans (paths.ts PDF_FONT_FILE). Runs in
 * pdfWorker.ts, so it imports nothing that finds files relative to itself. */
export async function renderPdf(record: HandoverRecord, wideFont: Buffer): Promise<Buffer> {
  const { header } = record
  const title =
    header.scope === 'shift'
      ? header.statisticsOnly
        ? 'Shift statistics'
        : 'Shift handover'
      : header.statisticsOnly
        ? 'Figures — statistics only'
        : 'Handover records for a period'
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: `${title} — ${header.protectiveMarking}`,
      Author: header.service || 'DA Desk',
      Creator: `DA Desk ${header.appVersion}`,
      Producer: 'DA Desk',
      CreationDate: new Date(header.exportedAt),
      ModDate: new Date(header.exportedAt),
    },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  // Embedded only when some text uses it.
  doc.registerFont(WIDE, wideFont)
  const width = doc.page.width - MARGIN.left - MARGIN.right
  const bottom = () => doc.page.height - MARGIN.bottom
  const firstDay = formatDateTime(header.from).slice(0, 10)
  /** Times on the shift's first day as HH:mm, others with their date. */
  const when = (iso: string) => {
    const text = formatDateTime(iso)
    return text.startsWith(firstDay) ? text.slice(11) : text
  }
  const by = (who: string | null) => (who ? ` by ${who}` : '')
  let sliceFrom = performance.now()
  /** Between two parts of the document, lets other calls run once this slice is used up. */
  const breathe = async () => {
    if (performance.now() - sliceFrom < SLICE_MS) return
    await new Promise((resolve) => setImmediate(resolve))
    sliceFrom = performance.now()
  }

  /** Starts a new page unless `space` points are left on this one. */
  const room = (space: number) => {
    if (doc.y + space > bottom()) doc.addPage()
  }
  const heading = (text: string) => {
    room(70)
    doc.moveDown(0.6)
    doc.font(BOLD).fontSize(13).fillColor('black').text(text, MARGIN.left, doc.y, { width })
    const y = doc.y + 2
    doc
      .lineWidth(1)
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + width, y)
      .stroke('black')
    doc.y = y + 6
  }
  /**
   * "Label   value" in two columns, the label in bold. The two fonts put their baselines at
   * different depths below the top of a line, so the label moves down by the difference.
   */
  /** The label column's width: wider in the header, narrower in incidents. */
  let labelWidth = 110
  const field = (label: string, value: string) => {
    const valueWidth = width - labelWidth
    // Room for a line; a longer value runs on to the next page by itself.
    room(14)
    const y = doc.y
    doc
      .font(BOLD)
      .fontSize(9.5)
      .text(label, MARGIN.left, y + baselineGap(value) * 9.5, {
        width: labelWidth - 6,
        lineBreak: false,
      })
    doc
      .font(bodyFont(value))
      .text(value, MARGIN.left + labelWidth, y, { width: valueWidth, lineGap: 1 })
  }
  /** A line of body text, indented, e.g. one attempt or one note. */
  const line = (text: string, indent = 12) => {
    room(13)
    doc
      .font(bodyFont(text))
      .fontSize(9.5)
      .text(text, MARGIN.left + indent, doc.y, {
        width: width - indent,
        lineGap: 1,
      })
  }
  const subheading = (text: string) => {
    room(30)
    doc.moveDown(0.3)
    doc.font(BOLD).fontSize(9.5).text(text, MARGIN.left, doc.y, { width })
  }

  // Header.
  doc.font(BOLD).fontSize(18).text(title, MARGIN.left, MARGIN.top, { width })
  doc.moveDown(0.4)
  field('Service', header.service || 'Not set in Settings')
  field('Force', header.force || 'Not set in Settings')
  const span = `${formatDateTime(header.from)} to ${formatDateTime(header.to)}`
  field(
    header.scope === 'shift' ? `Shift ${header.shiftId}` : 'Period',
    header.scope === 'shift' ? `${span} (${shiftLength(header.from, header.to)})` : span,
  )
  field(
    'Workers',
    header.statisticsOnly
      ? `${header.workerCount} (names left out: statistics only)`
      : header.workers.join('; ') || 'None',
  )
  field('Exported', `${formatDateTime(header.exportedAt)}${by(header.exportedBy)}`)
  field('Records as at', formatDateTime(header.asAt))
  field('App', `DA Desk ${header.appVersion}`)
  field('Protective marking', header.protectiveMarking)
  if (header.statisticsOnly) {
    field(
      'Statistics only',
      'No names, phone numbers, addresses, call summaries or notes are included.',
    )
  }
  line('Times are UK time (Europe/London), 24-hour.', 0)
  await breathe()

  heading('Figures')
  const figureRows = (Object.keys(FIGURE_LABELS) as (keyof ShiftFigures)[]).map((k) => {
    const v = record.figures[k]
    const value = v === null ? 'none yet' : k.startsWith('median') ? formatMinutes(v) : String(v)
    return [FIGURE_LABELS[k], value] as const
  })
  figureRows.forEach(([label, value], i) => {
    room(15)
    const y = doc.y
    if (i % 2 === 0) doc.rect(MARGIN.left, y - 2, width, 14).fill(SHADE)
    doc
      .fillColor('black')
      .font(bodyFont(label))
      .fontSize(9.5)
      .text(label, MARGIN.left + 6, y, { width: 330 })
    doc.font(BOLD).text(value, MARGIN.left + 340, y + baselineGap(label) * 9.5, {
      width: width - 346,
      align: 'right',
    })
    doc.y = y + 14
  })
  await breathe()

  // The scheme publishes these split by how the victim was reached: by phone or by the car.
  subheading('By phone and by support car visit')
  const car = record.supportCarFigures
  const routeRows: [string, ByRoute | number][] = [
    ['Victims engaged', car.engaged],
    ['Referred to DA services', car.referredToDaServices],
    ['Referred to other services', car.referredToOtherServices],
    ['Moved to safety', car.movedToSafety],
    ["Clare's Law disclosures given at visits", car.disclosuresAtVisits],
    ['Support car taskings', car.taskings],
    ['Support car visits', car.visits],
  ]
  const ROUTE_COLUMNS = [MARGIN.left + 250, MARGIN.left + 330, MARGIN.left + 410]
  const routeRow = (label: string, cells: readonly string[], shaded: boolean, font: string) => {
    room(15)
    const y = doc.y
    if (shaded) doc.rect(MARGIN.left, y - 2, width, 14).fill(SHADE)
    doc
      .fillColor('black')
      .font(font)
      .fontSize(9.5)
      .text(label, MARGIN.left + 6, y, { width: 240 })
    // Single figures (disclosures, taskings, visits) stand in the "In all" column.
    const from = ROUTE_COLUMNS.length - cells.length
    cells.forEach((cell, c) => {
      doc.font(BOLD).text(cell, ROUTE_COLUMNS[from + c]!, y, { width: 74, align: 'right' })
    })
    doc.y = y + 14
  }
  routeRow('', ['By phone', 'By visit', 'In all'], false, BOLD)
  routeRows.forEach(([label, value], i) => {
    const cells =
      typeof value === 'number'
        ? [String(value)]
        : [value.byPhone, value.byVisit, value.total].map(String)
    routeRow(label, cells, i % 2 === 0, PLAIN)
  })
  line('"In all" counts each victim once, however they were reached.', 0)
  line('How each figure is counted: docs/handover.md in DA Desk.', 0)
  await breathe()

  const actionLine = (a: OutstandingAction) =>
    `[${ACTION_OWNER_LABELS[a.owner]}] ${a.incidentRef} — ${a.text ?? 'action (text left out)'} ` +
    `(noted ${when(a.at)}${by(a.by)})`
  heading(`Outstanding actions (${record.outstandingActions.length})`)
  if (record.outstandingActions.length === 0) line('None.', 0)
  for (const a of record.outstandingActions) {
    line(`• ${actionLine(a)}`, 0)
    await breathe()
  }

  heading(`Incidents (${record.incidents.length})`)
  labelWidth = 76
  if (record.incidents.length === 0) line('No incidents were touched.', 0)
  const people = new Map(record.people.map((p) => [p.id, p]))
  const locations = new Map(record.locations.map((l) => [l.id, l]))
  for (const incident of record.incidents) {
    renderIncident(incident)
    await breathe()
  }

  function renderIncident(i: HandoverIncident) {
    room(90)
    doc.moveDown(0.5)
    const y = doc.y
    const regraded = i.firstGrade !== i.grade ? ` (was ${gradeText(i.firstGrade)})` : ''
    const title = `${i.incidentRef}   ${gradeText(i.grade)}${regraded}   ${riskText(i.risk.level)}`
    doc.font(bodyFont(title)).fontSize(11)
    // Measuring the height lays the text out a second time: only a title too wide for one line
    // needs it.
    const oneLine = doc.widthOfString(title) <= width - 12
    const h =
      (oneLine ? doc.currentLineHeight(true) : doc.heightOfString(title, { width: width - 12 })) + 8
    doc.rect(MARGIN.left, y, width, h).fill(SHADE)
    doc.fillColor('black').text(title, MARGIN.left + 6, y + 4, { width: width - 12 })
    doc.y = y + h + 3
    field(
      'Call',
      `${formatDateTime(i.receivedAt)}` +
        (i.source ? ` · ${i.source}` : '') +
        ` · police status ${i.status} · worker's progress ${PROGRESS_LABELS[i.progress]}` +
        ` · first touched ${when(i.firstTouchedAt)}`,
    )
    if (i.regrades.length) {
      field('Regrades', i.regrades.map((r) => `G${r.from} to G${r.to} at ${when(r.at)}`).join('; '))
    }
    if (i.flags.length) field('Flags', i.flags.map(flagText).join(', '))
    const victim = i.victimId ? people.get(i.victimId) : undefined
    if (victim) {
      field(
        'Victim',
        [victim.name, victim.phone, victim.dateOfBirth && `born ${victim.dateOfBirth}`]
          .filter(Boolean)
          .join(' · '),
      )
    }
    const suspect = i.suspectId ? people.get(i.suspectId) : undefined
    if (suspect) {
      field(
        'Suspect',
        [suspect.name, suspect.relationship && `(${suspect.relationship})`]
          .filter(Boolean)
          .join(' '),
      )
    }
    const location = i.locationId ? locations.get(i.locationId) : undefined
    if (location) {
      field('Location', [location.address, location.postcode].filter(Boolean).join(', '))
    }
    if (i.summary) field('Call summary', i.summary)
    const riskDetail =
      `DASH ${i.risk.yesCount} yes of ${i.risk.total} (${i.risk.answered} answered)` +
      (i.risk.byJudgement ? '; high by professional judgement' : '')
    field('Risk', `${riskText(i.risk.level)} — ${riskDetail}`)
    for (const j of i.judgements) {
      line(
        `Judgement ${when(j.at)}${by(j.by)}: ${j.high ? 'high risk' : 'not high risk'}` +
          (j.reason ? ` — ${j.reason}` : ''),
      )
    }

    subheading(
      `Contact attempts (${i.attempts.length})` +
        (i.minutesToFirstContact === null
          ? ''
          : ` — first spoke to the victim ${i.minutesToFirstContact} min after the call`),
    )
    if (i.attempts.length === 0) line('None.')
    for (const a of i.attempts) {
      line(
        `${when(a.at)} ${CONTACT_RESULT_LABELS[a.result]}` +
          (a.number ? ` on ${a.number}` : '') +
          by(a.by) +
          (a.callBackAt ? `; call back agreed for ${when(a.callBackAt)}` : '') +
          (a.note ? ` — ${a.note}` : ''),
      )
    }
    if (i.outcomes.length) {
      field(
        'Outcome',
        i.outcomes
          .map(
            (o) =>
              `${CONTACT_OUTCOME_LABELS[o.outcome]} (${when(o.at)})` +
              (o.note ? ` — ${o.note}` : ''),
          )
          .join('; '),
      )
    }

    if (i.escalations.length) subheading(`Escalations (${i.escalations.length})`)
    for (const e of i.escalations) {
      const steps = [
        `Raised ${when(e.raisedAt)}${by(e.raisedBy)}, ${e.minutesFromCall} min after the call: ` +
          `${e.reasons.map((r) => ESCALATION_REASON_LABELS[r]).join('; ')}; ` +
          `${gradeText(e.currentGrade)}, recommended ${gradeText(e.recommendedGrade)}` +
          (e.detail ? ` — ${e.detail}` : ''),
        e.acknowledgement
          ? `Acknowledged ${when(e.acknowledgement.at)}` +
            (e.acknowledgement.controller ? ` by ${e.acknowledgement.controller}` : '')
          : 'Not acknowledged by the controller.',
        ...(e.linkedRegrade
          ? [
              `Regraded G${e.linkedRegrade.from} to G${e.linkedRegrade.to} at ${when(e.linkedRegrade.at)}`,
            ]
          : []),
        e.outcome
          ? `Outcome: ${
              e.outcome.outcome === 'upgraded' && e.outcome.grade
                ? `upgraded to ${gradeText(e.outcome.grade)}`
                : ESCALATION_OUTCOME_LABELS[e.outcome.outcome].toLowerCase()
            } at ${when(e.outcome.at)}${by(e.outcome.by)}` +
            (e.outcome.reason ? ` — ${e.outcome.reason}` : '')
          : 'Still open: no outcome recorded.',
      ]
      steps.forEach((s, n) => line(n === 0 ? `• ${s}` : s, n === 0 ? 12 : 22))
    }

    if (i.referrals.length) subheading(`Referrals (${i.referrals.length})`)
    for (const r of i.referrals) {
      const service =
        r.service === 'other' && r.otherService
          ? r.otherService
          : REFERRAL_SERVICE_LABELS[r.service]
      line(
        `${service}: ${REFERRAL_DECISION_LABELS[r.decision]} (${when(r.at)}${by(r.by)})` +
          (r.detail ? ` — ${r.detail}` : ''),
      )
    }

    renderClaresLaw(i)
    renderFollowUps(i)
    renderSupportCar(i)

    if (i.notes.length) subheading(`Notes (${i.notes.length})`)
    const noteTimes = new Map(i.notes.map((n) => [n.id, n.at]))
    for (const n of i.notes) {
      const tags = n.tags
        .map((t) =>
          t === 'action' && n.actionOwner
            ? `Action for ${ACTION_OWNER_LABELS[n.actionOwner]}`
            : NOTE_TAG_LABELS[t],
        )
        .join(', ')
      const amends = n.amends ? `Correction to the note of ${when(noteTimes.get(n.amends)!)}. ` : ''
      const doneMark = n.actionDoneAt ? ` [done ${when(n.actionDoneAt)} by ${n.actionDoneBy}]` : ''
      line(`${when(n.at)} ${n.author}${tags ? ` [${tags}]` : ''}${doneMark}:`, n.amends ? 24 : 12)
      line(`${amends}${n.text}`, n.amends ? 36 : 24)
    }

    if (i.outstandingActions.length) {
      subheading(`Outstanding actions (${i.outstandingActions.length})`)
      for (const a of i.outstandingActions) line(`• ${actionLine(a)}`)
    }
    if (i.previouslyHandedOverAt) {
      line(`Included in an earlier handover at ${formatDateTime(i.previouslyHandedOverAt)}.`, 0)
    }
  }

  /** Each Clare's Law application: route, who made it, where it stands, and each change. */
  function renderClaresLaw(i: HandoverIncident) {
    if (i.claresLawApplications.length === 0) return
    subheading(`Clare's Law applications (${i.claresLawApplications.length})`)
    for (const a of i.claresLawApplications) {
      const answers = [
        a.supportAccepted && SUPPORT_ANSWER_LABELS[a.supportAccepted].toLowerCase(),
        a.idvaPresent !== null && (a.idvaPresent ? 'IDVA present' : 'no IDVA present'),
      ].filter(Boolean)
      line(
        `• ${CLARES_LAW_ROUTE_LABELS[a.route]}, made by ` +
          `${CLARES_LAW_APPLICANT_LABELS[a.raisedBy].toLowerCase()} on ` +
          `${a.raisedOn.split('-').reverse().join('/')}: ` +
          `${CLARES_LAW_STATUS_LABELS[a.status].toUpperCase()}` +
          (answers.length ? ` (${answers.join(', ')})` : ''),
      )
      for (const c of a.changes) {
        line(
          `${when(c.at)} ${CLARES_LAW_STATUS_LABELS[c.status]}${by(c.by)}` +
            (c.supportAccepted
              ? `; ${SUPPORT_ANSWER_LABELS[c.supportAccepted].toLowerCase()}`
              : '') +
            (c.idvaPresent === null ? '' : c.idvaPresent ? '; IDVA present' : '; no IDVA present') +
            (c.note ? ` — ${c.note}` : ''),
          22,
        )
      }
    }
  }

  /** Each follow-up call: when it is due, where it stands, and each call made to it. */
  function renderFollowUps(i: HandoverIncident) {
    if (i.followUps.length === 0) return
    subheading(`Follow-up calls (${i.followUps.length})`)
    const day = (date: string) => date.split('-').reverse().join('/')
    for (const f of i.followUps) {
      const state =
        f.status === 'open'
          ? 'OPEN'
          : `${f.status.toUpperCase()} ${when(f.closedAt!)}` +
            (f.closedReason ? ` — ${f.closedReason}` : '')
      line(`• Due ${day(f.dueOn)}: ${state}`)
      line(
        `Scheduled ${when(f.scheduledAt)}${by(f.scheduledBy)} for ${day(f.scheduledFor)}, ` +
          `${f.riskLevel} risk` +
          (f.reason ? ` — ${f.reason}` : ''),
        22,
      )
      for (const c of f.calls) {
        // The label's "— try again" part is said by the day itself.
        line(
          `${when(c.at)} call${by(c.by)}: ${FOLLOW_UP_OUTCOME_LABELS[c.outcome].split(' — ')[0]}` +
            (c.tryAgainOn ? `; try again on ${day(c.tryAgainOn)}` : '') +
            (c.note ? ` — ${c.note}` : ''),
          22,
        )
      }
    }
  }

  /** Each tasking of the support car: why, how it ended, and each visit the crew made. */
  function renderSupportCar(i: HandoverIncident) {
    const { taskings } = i.supportCar
    if (taskings.length === 0) return
    subheading(`Support car (${taskings.length} ${taskings.length === 1 ? 'tasking' : 'taskings'})`)
    const services = new Map(i.referrals.map((r) => [r.id, REFERRAL_SERVICE_LABELS[r.service]]))
    for (const t of taskings) {
      const state =
        t.state === 'open'
          ? 'OPEN'
          : `${t.state === 'completed' ? 'COMPLETED' : 'STOOD DOWN'} ${when(t.closedAt!)}` +
            by(t.closedBy) +
            (t.standDownReason ? ` — ${t.standDownReason}` : '')
      line(
        `• ${TASKING_PRIORITY_LABELS[t.priority]}, tasked ${when(t.taskedAt)}${by(t.taskedBy)}: ` +
          state,
      )
      if (t.reason) line(t.reason, 22)
      if (t.visits.length === 0) line('No visit recorded yet.', 22)
      for (const v of t.visits) {
        const crew = [v.officer, v.idva].filter(Boolean).join(' and ')
        const happened = [
          v.victimEngaged ? 'engaged' : 'not engaged',
          v.safetyPlanAgreed && 'safety plan agreed',
          v.movedToSafety && 'moved to safety',
          v.disclosureGiven && "Clare's Law disclosure given",
        ].filter(Boolean)
        const referred = v.referralIds.map((id) => services.get(id)).filter(Boolean)
        line(
          `Visit ${when(v.visitedAt)}${crew ? ` by ${crew}` : ''}: ${happened.join(', ')}` +
            (referred.length ? `; referred to ${referred.join(', ')}` : '') +
            ` (recorded ${when(v.recordedAt)}${by(v.recordedBy)})`,
          22,
        )
        if (v.notes) line(`Crew's notes: ${v.notes}`, 32)
      }
    }
  }

  // The marking and page numbers go on every page once the page count is known.
  const range = doc.bufferedPageRange()
  const service = header.service ? `${header.service} — ` : ''
  const footerLeft =
    header.scope === 'shift'
      ? `${service}${title}, shift ${header.shiftId}, ${formatDateTime(header.from).slice(0, 10)}`
      : `${service}${title}`
  // Helvetica Bold cannot print every marking a service might type; DejaVu can.
  const markingFont = printsInHelvetica(header.protectiveMarking) ? BOLD : WIDE
  const footerText = footerLeft.length > 80 ? `${footerLeft.slice(0, 79)}…` : footerLeft
  for (let n = 0; n < range.count; n++) {
    doc.switchToPage(range.start + n)
    const { height } = doc.page
    // Writing in the margins must not start new pages.
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 }
    doc.fillColor('black').font(markingFont).fontSize(11)
    doc.text(header.protectiveMarking, MARGIN.left, 28, {
      width,
      align: 'center',
      lineBreak: false,
    })
    doc
      .lineWidth(0.5)
      .moveTo(MARGIN.left, 46)
      .lineTo(MARGIN.left + width, 46)
      .stroke('black')
    const footY = height - 44
    doc
      .moveTo(MARGIN.left, footY - 6)
      .lineTo(MARGIN.left + width, footY - 6)
      .stroke('black')
    doc.font(markingFont).fontSize(11)
    doc.text(header.protectiveMarking, MARGIN.left, footY + 12, {
      width,
      align: 'center',
      lineBreak: false,
    })
    doc.font(bodyFont(footerText)).fontSize(8.5)
    doc.text(footerText, MARGIN.left, footY, { width: width - 90, lineBreak: false })
    doc.font(BOLD).fontSize(8.5)
    doc.text(`Page ${n + 1} of ${range.count}`, MARGIN.left, footY, {
      width,
      align: 'right',
      lineBreak: false,
    })
    doc.page.margins = MARGIN
    await breathe()
  }
  doc.end()
  return done
}
