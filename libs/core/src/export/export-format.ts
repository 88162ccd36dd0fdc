/** How a list can be answered: a JSON page, or the whole filtered list as a file. */
export const LIST_FORMATS = ['json', 'csv', 'ndjson'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];
export type ExportFormat = Exclude<ListFormat, 'json'>;

export function isExportFormat(format: ListFormat | undefined): format is ExportFormat {
  return format === 'csv' || format === 'ndjson';
}

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson',
};
