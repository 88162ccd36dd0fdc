import type { INestApplication } from '@nestjs/common';
import { TenantEntity, unscopedRepository } from '@clientele/core';
import { DataSource } from 'typeorm';
import { announceDemoLogin } from './announce-demo-login';
import { seedDemoTenant } from './demo-seeder';

/** First start of an empty embedded database: seed the demo tenant and print its login once. */
export async function seedDemoDataIfEmpty(app: INestApplication): Promise<void> {
  const tenants = await unscopedRepository(app.get(DataSource).manager, TenantEntity).count();
  if (tenants > 0) return;
  const login = await seedDemoTenant(app);
  if (login !== null) announceDemoLogin(login);
}
