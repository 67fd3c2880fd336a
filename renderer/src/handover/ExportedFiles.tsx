// What an export wrote: the folder, and each file with its size and SHA-256 (as the manifest
// records it), so the worker can say where the handover went and anyone can check a copy.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import { EXPORT_FORMAT_LABELS, type ExportResult } from '#shared/handover.ts'

function sizeWords(bytes: number): string {
  return bytes < 1024
    ? `${bytes} bytes`
    : `${(bytes / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} KB`
}

export function ExportedFiles({ result, caption }: { result: ExportResult; caption: string }) {
  const hashes = new Map(result.manifest.files.map((f) => [f.name, f.sha256]))
  return (
    <Box sx={{ display: 'grid', gap: 1, minWidth: 0 }}>
      <Typography>
        Saved in{' '}
        <Box component="span" sx={{ fontWeight: 700, overflowWrap: 'anywhere' }}>
          {result.folder}
        </Box>
      </Typography>
      <Table size="small" sx={{ tableLayout: 'fixed' }}>
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
          <Typography variant="body2" color="text.secondary" component="span">
            {caption}
          </Typography>
        </caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col" sx={{ width: '26%' }}>
              File
            </TableCell>
            <TableCell component="th" scope="col" sx={{ width: '22%' }}>
              For
            </TableCell>
            <TableCell component="th" scope="col" sx={{ width: '10%' }}>
              Size
            </TableCell>
            <TableCell component="th" scope="col">
              SHA-256
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.files.map((file) => (
            <TableRow key={file.name}>
              <TableCell sx={{ overflowWrap: 'anywhere', fontWeight: 600 }} title={file.path}>
                {file.name}
              </TableCell>
              <TableCell>
                {file.format === 'manifest'
                  ? 'Manifest — every file’s hash'
                  : EXPORT_FORMAT_LABELS[file.format]}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{sizeWords(file.bytes)}</TableCell>
              <TableCell
                sx={{
                  fontFamily: 'ui-monospace, Consolas, "DejaVu Sans Mono", monospace',
                  fontSize: '0.8125rem',
                  overflowWrap: 'anywhere',
                }}
              >
                {hashes.get(file.name) ?? file.sha256}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  )
}
