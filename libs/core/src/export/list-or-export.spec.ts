import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Page } from '../pagination/page';
import type { ExportFormat } from './export-format';
import { listOrExport, type ListOrExportRoute } from './list-or-export';

describe('listOrExport', () => {
  function route(): ListOrExportRoute<string> & { readonly calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      file: 'contacts',
      exportRows: (format: ExportFormat) => {
        calls.push(`export ${format}`);
        return Promise.resolve(Readable.from([`rows as ${format}`]));
      },
      page: () => {
        calls.push('page');
        return Promise.resolve(new Page(['a', 'b'], 2));
      },
    };
  }

  it.each([undefined, 'json'] as const)('answers the page for format=%s and streams nothing', async (format) => {
    const list = route();
    const answer = await listOrExport(format, list);
    expect(answer).toBeInstanceOf(Page);
    expect(answer).toMatchObject({ items: ['a', 'b'], total: 2 });
    expect(list.calls).toEqual(['page']);
  });

  it.each([
    ['csv', 'text/csv; charset=utf-8'],
    ['ndjson', 'application/x-ndjson'],
  ] as const)('streams format=%s as a dated download of type %s, without reading a page', async (format, type) => {
    const list = route();
    const answer = await listOrExport(format, list);
    expect(answer).toBeInstanceOf(StreamableFile);
    const headers = (answer as StreamableFile).getHeaders();
    expect(headers.type).toBe(type);
    expect(headers.disposition).toMatch(
      new RegExp(`^attachment; filename="contacts-\\d{4}-\\d{2}-\\d{2}\\.${format}"$`),
    );
    const chunks: string[] = [];
    for await (const chunk of (answer as StreamableFile).getStream()) chunks.push(String(chunk));
    expect(chunks.join('')).toBe(`rows as ${format}`);
    expect(list.calls).toEqual([`export ${format}`]);
  });
});
