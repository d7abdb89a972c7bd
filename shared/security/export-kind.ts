/** What an export is; chooses the save dialog's file type filter. */
export const EXPORT_KINDS = ['log-bundle', 'json', 'csv', 'markdown', 'pdf', 'text'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** File type filter offered by the save dialog for each kind. */
export const EXPORT_KIND_EXTENSIONS: Record<ExportKind, { label: string; extensions: string[] }> = {
  'log-bundle': { label: 'Truceline log bundle', extensions: ['json'] },
  json: { label: 'JSON', extensions: ['json'] },
  csv: { label: 'CSV', extensions: ['csv'] },
  markdown: { label: 'Markdown', extensions: ['md'] },
  pdf: { label: 'PDF', extensions: ['pdf'] },
  text: { label: 'Text', extensions: ['txt'] },
};

/** The export kind for a MIME type; "text" when unknown. */
export function exportKindForMimeType(mimeType: string): ExportKind {
  const type = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'text/csv') return 'csv';
  if (type === 'text/markdown') return 'markdown';
  if (type === 'application/pdf') return 'pdf';
  return 'text';
}
