import type { INestApplication } from '@nestjs/common';
import { TenantEntity, unscopedRepository } from '@clientele/core';
import { DataSource } from 'typeorm';
import { DEMO_TENANT_NAME, type DemoLogin, seedDemoTenant } from './demo-seeder';

/**
 * First start of an empty embedded database: seeds the demo tenant and answers its login (to
 * print once); `existing` when the demo tenant is there from an earlier start; null otherwise.
 */
export async function seedDemoDataIfEmpty(app: INestApplication): Promise<DemoLogin | 'existing' | null> {
  const tenants = unscopedRepository(app.get(DataSource).manager, TenantEntity);
  if ((await tenants.count()) > 0) {
    return (await tenants.existsBy({ name: DEMO_TENANT_NAME })) ? 'existing' : null;
  }
  return seedDemoTenant(app);
}
