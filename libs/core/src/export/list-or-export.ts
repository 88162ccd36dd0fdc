import { applyDecorators, type StreamableFile, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, type OpenAPIObject } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import { ApiProblems } from '../errors/api-problems.decorator';
import { Page, pageSchema } from '../pagination/page';
import { csvLine } from './csv-escape';
import type { ExportColumn } from './export-column';
import { exportFile } from './export-file';
import { type ExportFormat, isExportFormat, type ListFormat } from './export-format';

/** How a list route answers either way: the page asked for, or the whole filtered list as a file. */
export interface ListOrExportRoute<Item> {
  /** The download's name before its date and extension: `contacts` → `contacts-2026-06-04.csv`. */
  readonly file: string;
  /** Streams every row the filters match, in `format` (paging ignored, sort kept). */
  exportRows(format: ExportFormat): Promise<Readable>;
  /** The JSON page of the same filters. */
  page(): Promise<Page<Item>>;
}

/**
 * The body of a list route that also exports: with `format=csv` or `format=ndjson` a streamed
 * download, otherwise the page. Its params carry `format?: ListFormat`; document the route with
 * {@link ApiListOrExport}.
 */
export async function listOrExport<Item>(
  format: ListFormat | undefined,
  route: ListOrExportRoute<Item>,
): Promise<Page<Item> | StreamableFile> {
  if (isExportFormat(format)) return exportFile(route.file, format, await route.exportRows(format));
  return route.page();
}

/** The export columns of each list route, by the key its CSV and NDJSON schemas carry until the document is built. */
const exportColumns = new Map<string, () => readonly Pick<ExportColumn<never>, 'header'>[]>();

/** Marks the schemas {@link describeExportSchemas} fills in. */
export const EXPORT_COLUMNS_KEY = 'x-export-columns';

/**
 * The OpenAPI side of {@link listOrExport}: the summary, and each format it produces with its own
 * schema: the page of `model` as JSON, the export's columns as CSV and NDJSON. `columns` is read
 * when the document is built (a registry may still gain columns while modules load).
 */
export function ApiListOrExport(
  model: Type<unknown>,
  summary: string,
  columns: () => readonly Pick<ExportColumn<never>, 'header'>[],
): MethodDecorator {
  const key = `${model.name}#${exportColumns.size}`;
  exportColumns.set(key, columns);
  return applyDecorators(
    ApiOperation({
      summary,
      description: 'With `format=csv` or `format=ndjson`: the whole filtered list as a streamed download.',
    }),
    ApiExtraModels(Page, model),
    ApiOkResponse({
      description: 'The page (JSON), or with `format` every record the filters match as a download.',
      content: {
        'application/json': { schema: pageSchema(model) },
        'text/csv': { schema: exportSchema(key) },
        'application/x-ndjson': { schema: exportSchema(key) },
      },
    }),
    ApiProblems(400, 401, 403, 404),
  );
}

/** A text schema marked with the key of its columns (an extension the document does not keep). */
function exportSchema(key: string): { type: 'string' } {
  return Object.assign({ type: 'string' as const }, { [EXPORT_COLUMNS_KEY]: key });
}

/** Describes the CSV and NDJSON schemas of every list route with its export's columns, and a CSV example. */
export function describeExportSchemas(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const response of Object.values(item.get?.responses ?? {})) {
      const content = response !== undefined && 'content' in response ? response.content : undefined;
      for (const [type, media] of Object.entries(content ?? {})) {
        const schema = media.schema as Record<string, unknown> | undefined;
        const key = schema?.[EXPORT_COLUMNS_KEY];
        if (schema === undefined || typeof key !== 'string') continue;
        const headers = (exportColumns.get(key)?.() ?? []).map((column) => column.header);
        delete schema[EXPORT_COLUMNS_KEY];
        if (type === 'text/csv') {
          schema.description = `RFC 4180 CSV, UTF-8: a header row, then one row per record. Columns: ${headers.join(', ')}.`;
          media.example = csvLine(headers);
        } else {
          schema.description = `One JSON object per line, one line per record, with the keys ${headers.join(', ')}.`;
        }
      }
    }
  }
}
