import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../permissions/permissions.decorator';
import { ApiTag } from '../openapi/api-tag.decorator';

export class HealthResponse {
  /** `ok` while the process serves requests. */
  status: 'ok';
  /** Present on readiness: `up` when the database answers. */
  database?: 'up';
}

@ApiTag('health', 'Liveness and readiness probes (no token needed).')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process is up.' })
  live(): HealthResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers (503 otherwise).' })
  async ready(): Promise<HealthResponse> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException('The database does not answer.');
    }
    return { status: 'ok', database: 'up' };
  }
}
