import { createSecretKey } from 'node:crypto';
import { type DynamicModule, Global, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApiKeyEntity } from './api-keys/entities/api-key.entity';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { AuthSessionEntity } from './auth/entities/auth-session.entity';
import { RefreshTokenEntity } from './auth/entities/refresh-token.entity';
import { MfaRecoveryCodeEntity } from './auth/mfa/entities/mfa-recovery-code.entity';
import { UserMfaEntity } from './auth/mfa/entities/user-mfa.entity';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
import { dataSourceOptions } from './database/data-source-options';
import { ScopedReader, UnitOfWork } from './database/unit-of-work';
import { ProblemFilter } from './errors/problem.filter';
import { validationExceptionFactory } from './errors/validation-exception.factory';
import { OutboxEventEntity } from './events/outbox-event.entity';
import { OutboxFeed } from './events/outbox-feed';
import { OutboxSequenceJob } from './events/outbox-sequence.job';
import { OutboxSequencer } from './events/outbox-sequencer';
import { ApiIndexController } from './health/api-index.controller';
import { EventsModule } from './events/events.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WebhookDeliveryEntity } from './webhooks/entities/webhook-delivery.entity';
import { WebhookEntity } from './webhooks/entities/webhook.entity';
import { EventVisibilities } from './events/event-visibility';
import { OutboxRetentionJob } from './events/outbox-retention.job';
import { JetStreamPublisher } from './events/jetstream-publisher';
import { OutboxRelayJob } from './events/outbox-relay.job';
import { HealthController } from './health/health.controller';
import { Idempotency } from './http/idempotency';
import { IdempotencyCleanupJob } from './http/idempotency-cleanup.job';
import { WriteGuard } from './http/write-guard';
import { loggerOptions } from './logging/logger-options';
import { OrganizationCreationSteps } from './organizations/organization-creation-steps';
import { OrganizationsModule } from './organizations/organizations.module';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimiter } from './rate-limit/rate-limiter';
import { RedisConnections } from './redis/redis-connections';
import { RolesModule } from './roles/roles.module';
import { JobRegistry } from './scheduler/job-registry';
import { Scheduler } from './scheduler/scheduler';
import { ActorCache } from './tenancy/actor-cache';
import { BuiltInRolesSync } from './tenancy/built-in-roles.sync';
import { MembershipEntity } from './tenancy/entities/membership.entity';
import { OrganizationEntity } from './tenancy/entities/organization.entity';
import { RoleEntity } from './tenancy/entities/role.entity';
import { TenantEntity } from './tenancy/entities/tenant.entity';
import { UserEntity } from './tenancy/entities/user.entity';
import { RequestContext } from './tenancy/request-context';
import { SystemContext } from './tenancy/system-context';
import './tenancy/tenancy-constraints';
import { StrictValidationPipe } from './validation/strict-validation.pipe';
import { memoizeValidationMetadata } from './validation/validation-metadata-cache';
import { CountedTables } from './pagination/record-count';

export const CORE_ENTITIES = [
  TenantEntity,
  OrganizationEntity,
  UserEntity,
  RoleEntity,
  MembershipEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  AuditEntryEntity,
  OutboxEventEntity,
  UserMfaEntity,
  MfaRecoveryCodeEntity,
  ApiKeyEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
];

/** Infrastructure every module relies on: config, database, CLS, logging, auth, errors. */
@Global()
@Module({})
export class CoreModule implements OnApplicationBootstrap {
  /** The counted tables are all registered (from their modules' files) once the app is up. */
  onApplicationBootstrap(): void {
    CountedTables.freeze();
    EventVisibilities.freeze();
  }

  /** `logDestination`: where log lines go instead of stdout (tests read them). */
  static forRoot(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    if (config.database.url === undefined || config.auth.jwtSecret === undefined) {
      throw new Error('CoreModule needs a resolved database URL and JWT secret');
    }
    const databaseUrl = config.database.url;
    memoizeValidationMetadata();
    return {
      module: CoreModule,
      imports: [
        CqrsModule.forRoot(),
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            // No proxy providers and no plugins here. Left on, the middleware awaits both on every
            // request, and `resolve()` re-resolves a `require()` path each time (stat calls).
            resolveProxyProviders: false,
            initializePlugins: false,
          },
        }),
        LoggerModule.forRoot(loggerOptions(config, logDestination)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: databaseUrl,
            poolSize: config.database.poolSize,
            logQueries: config.database.logQueries,
            logQueryParameters: config.database.logQueryParameters,
            preparedStatements: config.database.preparedStatements,
          }),
          entities: CORE_ENTITIES,
          autoLoadEntities: true,
          migrationsRun: config.database.runMigrations,
        }),
        // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it
        // as a public key on every verify, which was a fifth of a list request's CPU.
        JwtModule.register({ global: true, secret: createSecretKey(Buffer.from(config.auth.jwtSecret)) }),
        AuthModule,
        OrganizationsModule,
        RolesModule,
        ApiKeysModule,
        AuditModule,
        EventsModule,
        WebhooksModule,
      ],
      controllers: [ApiIndexController, HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        RequestContext,
        UnitOfWork,
        ScopedReader,
        OrganizationCreationSteps,
        BuiltInRolesSync,
        RedisConnections,
        ActorCache,
        RateLimiter,
        Idempotency,
        SystemContext,
        JobRegistry,
        Scheduler,
        OutboxSequencer,
        OutboxFeed,
        OutboxSequenceJob,
        OutboxRetentionJob,
        JetStreamPublisher,
        OutboxRelayJob,
        IdempotencyCleanupJob,
        // Guards run in this order: authentication first, so the rate limit can count per actor,
        // then a write's preconditions (If-Match, Idempotency-Key). No global interceptor: a read
        // then skips Nest's per-request observable chain (ETag is a Fastify hook, `installEtag`).
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: WriteGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        {
          provide: APP_PIPE,
          useValue: new StrictValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            exceptionFactory: validationExceptionFactory,
          }),
        },
      ],
      exports: [
        APP_CONFIG,
        RequestContext,
        UnitOfWork,
        ScopedReader,
        OrganizationCreationSteps,
        AuthModule,
        ActorCache,
        RateLimiter,
        RedisConnections,
        Idempotency,
        SystemContext,
        JobRegistry,
        Scheduler,
        OutboxSequencer,
        OutboxFeed,
        OutboxRetentionJob,
        OutboxRelayJob,
      ],
    };
  }
}
