import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { EXAMPLE_ID, problemExamples } from '../errors/api-problems.decorator';
import { CrmDisabledError } from '../errors/domain-error';
import { Problem, PROBLEM_CONTENT_TYPE } from '../errors/problem';
import { CRM_ROUTE_EXTENSION, REQUIRED_GRANTS_EXTENSION } from '../permissions/permissions.decorator';
import { describeExportSchemas } from '../export/list-or-export';
import { apiTagDescription } from './api-tag.decorator';
import { requiredProperties, validatedClassesByName } from '../validation/required-properties';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Clientele API')
    .setDescription(
      [
        'Multi-tenant CRM: organizations, contacts, customers and the work around them.',
        '',
        '* Authenticate with `POST /api/auth/login`, then send `Authorization: Bearer <accessToken>`.',
        '* Name the organization with `organizationId` (query or body) or `X-Organization-Id`;',
        '  it defaults to your only organization, and lists without it span every organization you may view.',
        '* Lists answer `{ items, total }` with `limit` (≤ 100) and `offset`, or `cursor` → `nextCursor`.',
        '* Errors are RFC 9457 `application/problem+json` with a stable `code`.',
      ].join('\n'),
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addGlobalParameters({
      name: 'X-Organization-Id',
      in: 'header',
      required: false,
      description: 'The organization this request acts in (alternative to `organizationId`).',
      schema: { type: 'string', format: 'uuid' },
    })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [Problem] });
  markRequiredProperties(document);
  describeTags(document);
  describeExportSchemas(document);
  describeRouteErrors(document);
  return document;
}

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;

/**
 * What the guard adds to every guarded operation: its 403 names the grants it needs (any of
 * them), and a CRM route's 404 also shows `CRM_DISABLED`.
 */
function describeRouteErrors(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method] as (OperationObject & Record<string, unknown>) | undefined;
      if (operation === undefined) continue;
      const grants = operation[REQUIRED_GRANTS_EXTENSION];
      const forbidden = operation.responses['403'];
      if (Array.isArray(grants) && grants.length > 0 && forbidden !== undefined && !('$ref' in forbidden)) {
        forbidden.description = `Your role in this organization grants none of: ${grants.map(String).join(', ')}.`;
      }
      const missing = operation.responses['404'];
      const media = missing !== undefined && !('$ref' in missing) ? missing.content?.[PROBLEM_CONTENT_TYPE] : undefined;
      if (operation[CRM_ROUTE_EXTENSION] === true && media !== undefined) {
        media.examples = { ...media.examples, ...problemExamples([new CrmDisabledError(EXAMPLE_ID)]) };
      }
    }
  }
}

/** The top-level `tags`: each tag the operations use, in order of first use, with its {@link ApiTag} description. */
function describeTags(document: OpenAPIObject): void {
  const names = new Set(
    Object.values(document.paths).flatMap((item) =>
      (['get', 'put', 'post', 'delete', 'patch'] as const).flatMap((method) => item[method]?.tags ?? []),
    ),
  );
  document.tags = [...names].map((name) => {
    const description = apiTagDescription(name);
    return description === undefined ? { name } : { name, description };
  });
}

/**
 * Sets each request schema's `required` from the validation rules of its DTO
 * ({@link requiredProperties}), whatever its `@ApiProperty` decorators say: the document then
 * requires exactly what the server refuses to go without.
 */
function markRequiredProperties(document: OpenAPIObject): void {
  const classes = validatedClassesByName();
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    const [target, ...others] = classes.get(name) ?? [];
    if (target === undefined || '$ref' in schema || schema.properties === undefined) continue;
    if (others.length > 0)
      throw new Error(`Two validated classes are named ${name}: the schema cannot tell them apart`);
    const properties = schema.properties;
    const required = requiredProperties(target).filter((property) => property in properties);
    if (required.length > 0) schema.required = required;
    else delete schema.required;
  }
}

/** Swagger UI at `/api/docs` (assets served locally, works offline) and JSON at `/api/docs-json`. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Clientele API',
    swaggerOptions: { persistAuthorization: true },
  });
}
