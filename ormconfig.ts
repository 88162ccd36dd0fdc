import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from '@clientele/core';

/**
 * The DataSource of the TypeORM CLI (`npm run migration:run`, `migration:generate`), built
 * from the same options as the app. It needs DATABASE_URL (a real PostgreSQL).
 */
const config = loadConfig(process.env);
if (config.database.url === undefined) {
  throw new Error('Set DATABASE_URL to run the migration CLI (the app migrates the embedded database itself).');
}

export default new DataSource({
  ...dataSourceOptions({ url: config.database.url, poolSize: 2 }),
  entities: [`${__dirname}/{apps,libs}/**/*.entity.js`],
});
