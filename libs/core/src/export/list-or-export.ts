import { applyDecorators, type StreamableFile, type Type } from '@nestjs/common';
import { ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import { ApiProblems } from '../errors/api-problems.decorator';
import { ApiPageResponse, type Page } from '../pagination/page';
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

/** The OpenAPI side of {@link listOrExport}: the summary, the formats it produces, the page of `model`. */
export function ApiListOrExport(model: Type<unknown>, summary: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary,
      description: 'With `format=csv` or `format=ndjson`: the whole filtered list as a streamed download.',
    }),
    ApiProduces('application/json', 'text/csv', 'application/x-ndjson'),
    ApiPageResponse(model),
    ApiProblems(400, 401, 403, 404),
  );
}
