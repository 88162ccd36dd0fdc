import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, CoreModule } from '@clientele/core';
import { CrmModule } from '@clientele/crm';
import type { DestinationStream } from 'pino';

/** Composition only: the platform core and the CRM modules on top of it. */
@Module({})
export class AppModule {
  static register(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    return { module: AppModule, imports: [CoreModule.forRoot(config, logDestination), CrmModule] };
  }
}
