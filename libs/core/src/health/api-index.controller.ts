import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiTag } from '../openapi/api-tag.decorator';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { Public } from '../permissions/permissions.decorator';

/** The API's version, as the OpenAPI document states it. */
export const API_VERSION = '0.1.0';

export class ApiIndexLinks {
  @ApiPropertyOptional({ example: '/api/docs', description: 'Swagger UI (absent when API docs are off).' })
  docs?: string;
  @ApiPropertyOptional({
    example: '/api/docs-json',
    description: 'The OpenAPI document (absent when API docs are off).',
  })
  openapi?: string;
  @ApiProperty({ example: '/api/health' })
  health: string;
  @ApiProperty({ example: '/api/health/ready' })
  ready: string;
  @ApiProperty({ example: '/api/auth/login' })
  login: string;
}

export class ApiIndexResponse {
  @ApiProperty({ example: 'Clientele' })
  name: string;
  @ApiProperty({ example: API_VERSION })
  version: string;
  links: ApiIndexLinks;
}

/** `GET /api`, the address the README gives: what is here and where to go next. */
@ApiTag('health')
@Public()
@Controller()
export class ApiIndexController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOperation({ summary: 'The API index: name, version and links to the docs, the OpenAPI document and health.' })
  index(): ApiIndexResponse {
    return {
      name: 'Clientele',
      version: API_VERSION,
      links: {
        ...(this.config.apiDocsEnabled ? { docs: '/api/docs', openapi: '/api/docs-json' } : {}),
        health: '/api/health',
        ready: '/api/health/ready',
        login: '/api/auth/login',
      },
    };
  }
}
