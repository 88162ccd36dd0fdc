import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/** The one list shape: `{ items, total }`, plus `nextCursor` when paging by keyset. */
export class Page<T> {
  @ApiProperty({ isArray: true })
  readonly items: T[];

  @ApiProperty({ description: 'Rows matching the filters, all pages together.' })
  readonly total: number;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  readonly nextCursor?: string | null;

  constructor(items: T[], total: number, nextCursor?: string | null) {
    this.items = items;
    this.total = total;
    if (nextCursor !== undefined) this.nextCursor = nextCursor;
  }

  map<R>(mapper: (item: T) => R): Page<R> {
    return new Page(this.items.map(mapper), this.total, this.nextCursor);
  }
}

/** Documents a `Page` of `model` in OpenAPI. */
export function ApiPageResponse(model: Type<unknown>, description?: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(Page, model),
    ApiOkResponse({
      description,
      schema: {
        allOf: [
          { $ref: getSchemaPath(Page) },
          { properties: { items: { type: 'array', items: { $ref: getSchemaPath(model) } } } },
        ],
      },
    }),
  );
}
