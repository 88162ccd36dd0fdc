import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
  type OpenAPIObject,
} from '@nestjs/swagger';

type Schema = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

/** The one list shape: `{ items, total }`, plus `nextCursor` when paging by keyset. */
export class Page<T> {
  @ApiProperty({ isArray: true })
  readonly items: T[];

  @ApiProperty({
    description:
      'Rows matching the filters, all pages together. Exact, unless `totalCapped` is true: then at least this many. ' +
      'A filtered list stops counting at 10,000, except when narrowed only by counted filters (contacts: kind, ' +
      'status, owner; customers: kind, owner), whose totals are exact at any size, as unfiltered ones are.',
  })
  readonly total: number;

  @ApiPropertyOptional({
    description: 'Present and true when `total` is a lower bound: the filtered list has more rows than were counted.',
  })
  readonly totalCapped?: true;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  readonly nextCursor?: string | null;

  constructor(items: T[], total: number, nextCursor?: string | null, totalCapped = false) {
    this.items = items;
    this.total = total;
    if (totalCapped) this.totalCapped = true;
    if (nextCursor !== undefined) this.nextCursor = nextCursor;
  }

  map<R>(mapper: (item: T) => R): Page<R> {
    return this.withItems(this.items.map(mapper));
  }

  /** The same page (total, cursor) with other items, e.g. enriched views of these rows. */
  withItems<R>(items: R[]): Page<R> {
    return new Page(items, this.total, this.nextCursor, this.totalCapped === true);
  }
}

/** The OpenAPI schema of a `Page` of `model` (register both with `ApiExtraModels`). */
export function pageSchema(model: Type<unknown>): Schema {
  return {
    allOf: [
      { $ref: getSchemaPath(Page) },
      { properties: { items: { type: 'array', items: { $ref: getSchemaPath(model) } } } },
    ],
  };
}

/** Documents a `Page` of `model` in OpenAPI. */
export function ApiPageResponse(model: Type<unknown>, description?: string): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiExtraModels(Page, model), ApiOkResponse({ description, schema: pageSchema(model) }));
}
