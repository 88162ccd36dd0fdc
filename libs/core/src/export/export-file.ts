import { StreamableFile } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { EXPORT_CONTENT_TYPES, type ExportFormat } from './export-format';

/** The download of an export: `contacts-2026-06-04.csv`, dated in UTC. */
export function exportFile(basename: string, format: ExportFormat, stream: Readable, now = new Date()): StreamableFile {
  const date = now.toISOString().slice(0, 10);
  return new StreamableFile(stream, {
    type: EXPORT_CONTENT_TYPES[format],
    disposition: `attachment; filename="${basename}-${date}.${format}"`,
  });
}
