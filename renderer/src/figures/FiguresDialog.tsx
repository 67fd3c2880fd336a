// The Figures view, for the scheme's managers: any period of whole days (this month unless
// another is chosen), the figures for the shifts that started in it, one figure week by week as a
// chart with a table of the same numbers, and the statistics-only export of the period (figures
// and per-incident rows without names, numbers, addresses or notes).
import { useEffect, useState, type FormEvent } from 'react'
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogContent,
  DialogTitle,
  Divider,
  IconButton,
  TextField,
  Typography,
} from '@mui/material'
import CloseIcon from '@mui/icons-material/Close'
import {
  EXPORT_FORMATS,
  FIGURE_LABELS,
  type ExportFormat,
  type ShiftFigures,
} from '#shared/handover.ts'
import { ExportedFiles } from '../handover/ExportedFiles.tsx'
import { FolderChoice, FormatChoice, outDirFor } from '../handover/ExportChoices.tsx'
import { useDesk } from '../store/useDesk.ts'
import { FIGURE_GROUPS, FiguresGrid } from './FiguresGrid.tsx'
import { SupportCarFigures } from '../supportCar/SupportCarFigures.tsx'
import { dateOf, dayText, monthOf, parseDay, periodOf, type Day } from './period.ts'
import { WeeklyChart, WeeklyTable } from './WeeklyChart.tsx'

interface Problems {
  from?: string
  to?: string
}

function PeriodForm({ onShow }: { onShow: (first: Day, last: Day) => void }) {
  const nowMs = useDesk((s) => s.nowMs)
  const [month] = useState(() => monthOf(nowMs))
  const [fromText, setFromText] = useState(dayText(month.first))
  const [toText, setToText] = useState(dayText(month.last))
  const [problems, setProblems] = useState<Problems>({})

  function show(first: Day, last: Day) {
    setFromText(dayText(first))
    setToText(dayText(last))
    setProblems({})
    onShow(first, last)
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    const first = parseDay(fromText)
    const last = parseDay(toText)
    const found: Problems = {
      from: first ? undefined : 'Enter a date as dd/mm/yyyy, e.g. 01/11/2026.',
      to: last ? undefined : 'Enter a date as dd/mm/yyyy, e.g. 30/11/2026.',
    }
    if (first && last && periodOf(last, last).from < periodOf(first, first).from) {
      found.to = 'The last day must be on or after the first.'
    }
    setProblems(found)
    if (found.from || found.to || !first || !last) {
      document.getElementById(found.from ? 'figures-from' : 'figures-to')?.focus()
      return
    }
    onShow(first, last)
  }

  return (
    <Box
      component="form"
      noValidate
      onSubmit={submit}
      aria-label="Period"
      sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}
    >
      <TextField
        id="figures-from"
        label="First day"
        value={fromText}
        onChange={(e) => {
          setFromText(e.target.value)
          setProblems((p) => ({ ...p, from: undefined }))
        }}
        error={Boolean(problems.from)}
        helperText={problems.from ?? 'dd/mm/yyyy, from 00:00'}
        size="small"
        sx={{ width: 210 }}
      />
      <TextField
        id="figures-to"
        label="Last day"
        value={toText}
        onChange={(e) => {
          setToText(e.target.value)
          setProblems((p) => ({ ...p, to: undefined }))
        }}
        error={Boolean(problems.to)}
        helperText={problems.to ?? 'dd/mm/yyyy, to midnight'}
        size="small"
        sx={{ width: 210 }}
      />
      <Button type="submit" variant="contained" sx={{ mt: 0.25 }}>
        Show figures
      </Button>
      <Button
        variant="outlined"
        sx={{ mt: 0.25 }}
        onClick={() => {
          const m = monthOf(nowMs)
          show(m.first, m.last)
        }}
      >
        This month
      </Button>
      <Button
        variant="outlined"
        sx={{ mt: 0.25 }}
        onClick={() => {
          const m = monthOf(nowMs, -1)
          show(m.first, m.last)
        }}
      >
        Last month
      </Button>
    </Box>
  )
}

function StatisticsExport({ from, to }: { from: string; to: string }) {
  const settingsFolder = useDesk((s) => s.settings?.exportDir ?? '')
  const exportFigures = useDesk((s) => s.exportFigures)
  const exported = useDesk((s) => s.figuresExport)
  const [formats, setFormats] = useState<ExportFormat[]>([...EXPORT_FORMATS])
  const [folder, setFolder] = useState(settingsFolder)
  const [problems, setProblems] = useState<{ formats?: string; folder?: string }>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found = {
      formats: formats.length === 0 ? 'Choose at least one format.' : undefined,
      folder: folder.trim() === '' ? 'Enter the folder to save the statistics in.' : undefined,
    }
    setProblems(found)
    if (found.formats || found.folder) {
      document.getElementById(found.formats ? 'figures-formats' : 'figures-folder')?.focus()
      return
    }
    setBusy(true)
    setRefusal(null)
    const error = await exportFigures({
      from,
      to,
      formats,
      outDir: outDirFor(folder, settingsFolder),
    })
    setBusy(false)
    if (error) setRefusal(`Nothing was exported. ${error.message}`)
  }

  return (
    <Box component="form" noValidate onSubmit={submit} sx={{ display: 'grid', gap: 2 }}>
      <Typography>
        The figures and one row per incident, without names, phone numbers, addresses or notes: for
        sharing outside the force.
      </Typography>
      <FormatChoice
        id="figures-formats"
        formats={formats}
        onChange={(chosen) => {
          setFormats(chosen)
          setProblems((p) => ({ ...p, formats: undefined }))
        }}
        problem={problems.formats ?? null}
      />
      <Box sx={{ maxWidth: 760 }}>
        <FolderChoice
          id="figures-folder"
          folder={folder}
          settingsFolder={settingsFolder}
          onChange={(typed) => {
            setFolder(typed)
            setProblems((p) => ({ ...p, folder: undefined }))
          }}
          problem={problems.folder ?? null}
        />
      </Box>
      {refusal && (
        <Alert severity="error" role="alert">
          {refusal}
        </Alert>
      )}
      <Button
        type="submit"
        variant="contained"
        disabled={busy}
        sx={{ justifySelf: 'start' }}
        startIcon={busy ? <CircularProgress size={16} aria-hidden /> : undefined}
      >
        {busy ? 'Exporting…' : 'Export statistics'}
      </Button>
      {exported && (
        <Box role="status" sx={{ display: 'grid', gap: 1 }}>
          <Alert severity="success">
            Statistics exported: {exported.manifest.incidents}{' '}
            {exported.manifest.incidents === 1 ? 'incident' : 'incidents'}, marked{' '}
            {exported.manifest.protectiveMarking}.
          </Alert>
          <ExportedFiles
            result={exported}
            caption="Files written, with the SHA-256 the manifest records"
          />
        </Box>
      )}
    </Box>
  )
}

export function FiguresDialog({ onClose }: { onClose: () => void }) {
  const nowMs = useDesk((s) => s.nowMs)
  const figures = useDesk((s) => s.figures)
  const loadFigures = useDesk((s) => s.loadFigures)
  const [period, setPeriod] = useState(() => {
    const month = monthOf(nowMs)
    return periodOf(month.first, month.last)
  })
  const [problem, setProblem] = useState<string | null>(null)
  const [charted, setCharted] = useState<keyof ShiftFigures>('incidentsReviewed')

  useEffect(() => {
    void loadFigures(period.from, period.to).then((error) => setProblem(error?.message ?? null))
  }, [loadFigures, period])

  const shown =
    figures &&
    Date.parse(figures.from) === Date.parse(period.from) &&
    Date.parse(figures.to) === Date.parse(period.to)
      ? figures
      : null

  return (
    <Dialog open onClose={onClose} fullScreen aria-labelledby="figures-title">
      <DialogTitle
        id="figures-title"
        component="h2"
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 2,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Box component="span" sx={{ flexGrow: 1 }}>
          Figures
        </Box>
        <IconButton aria-label="Close figures" onClick={onClose} edge="end">
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      {/* '&&' wins over MUI's rule that takes the top padding off content under a title. */}
      <DialogContent sx={{ display: 'grid', gap: 3, alignContent: 'start', '&&': { py: 3 } }}>
        <PeriodForm onShow={(first, last) => setPeriod(periodOf(first, last))} />
        {problem && (
          <Alert severity="error" role="alert">
            The figures could not be worked out. {problem}
          </Alert>
        )}
        {!shown && !problem && (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <CircularProgress size={20} aria-hidden />
            <Typography>Working out the figures…</Typography>
          </Box>
        )}
        {shown && (
          <>
            <Box
              component="section"
              aria-labelledby="figures-period"
              sx={{ display: 'grid', gap: 1.5 }}
            >
              <Typography id="figures-period" variant="h6" component="h3">
                {dateOf(shown.from)} to {dateOf(shown.to, true)}
                <Typography component="span" color="text.secondary" sx={{ fontSize: '1rem' }}>
                  {' '}
                  · {shown.shifts} {shown.shifts === 1 ? 'shift' : 'shifts'} started in the period
                </Typography>
              </Typography>
              <FiguresGrid figures={shown.figures} />
            </Box>
            <Divider />
            <SupportCarFigures figures={shown.supportCar} />
            <Divider />
            <Box
              component="section"
              aria-labelledby="figures-weekly"
              sx={{ display: 'grid', gap: 2 }}
            >
              <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography id="figures-weekly" variant="h6" component="h3">
                  Week by week
                </Typography>
                <TextField
                  select
                  label="Figure"
                  value={charted}
                  onChange={(e) => setCharted(e.target.value as keyof ShiftFigures)}
                  size="small"
                  sx={{ minWidth: 320 }}
                  slotProps={{ select: { native: true } }}
                >
                  {FIGURE_GROUPS.map((group) => (
                    <optgroup key={group.title} label={group.title}>
                      {group.figures.map((key) => (
                        <option key={key} value={key}>
                          {FIGURE_LABELS[key]}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </TextField>
              </Box>
              {shown.weeks.length === 0 ? (
                <Typography color="text.secondary">No weeks in this period.</Typography>
              ) : (
                <>
                  <WeeklyChart weeks={shown.weeks} figure={charted} />
                  <WeeklyTable weeks={shown.weeks} figure={charted} />
                </>
              )}
            </Box>
            <Divider />
            <Box
              component="section"
              aria-labelledby="figures-export"
              sx={{ display: 'grid', gap: 1 }}
            >
              <Typography id="figures-export" variant="h6" component="h3">
                Statistics-only export
              </Typography>
              <StatisticsExport from={shown.from} to={shown.to} />
            </Box>
          </>
        )}
      </DialogContent>
    </Dialog>
  )
}
