import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Git-ignored (`.vitest-*`): the swagger plugin's metadata and the document, cached by source hash. */
export const OPENAPI_CACHE_DIR = resolve(__dirname, '../../../.vitest-openapi');

const ROOT = resolve(__dirname, '../../..');
const SOURCE_DIRS = ['apps', 'libs/core', 'libs/crm'];

/**
 * The app's OpenAPI document as `nest build` serves it. Vitest compiles with SWC, which does not
 * run the `@nestjs/swagger` CLI plugin, so DTO properties (and their class-validator limits)
 * would be missing from the document. The plugin's metadata is generated once per source
 * change with the CLI's `PluginMetadataGenerator` (the plugin options of `nest-cli.json`),
 * loaded into the app, and the document is then fetched from `/api/docs-json` as a client would.
 */
export async function openApiDocument(app: INestApplication): Promise<OpenAPIObject> {
  const metadataFile = await pluginMetadataFile();
  const module = (await import(/* @vite-ignore */ pathToFileURL(metadataFile).href)) as {
    default: () => Promise<Record<string, unknown>>;
  };
  await SwaggerModule.loadPluginMetadata(module.default);
  const response = await (app as NestFastifyApplication).inject({ method: 'GET', url: '/api/docs-json' });
  if (response.statusCode !== 200) throw new Error(`GET /api/docs-json answered ${response.statusCode}`);
  const document = JSON.parse(response.body) as OpenAPIObject;
  await writeFile(join(OPENAPI_CACHE_DIR, 'openapi.json'), JSON.stringify(document, null, 2));
  return document;
}

async function pluginMetadataFile(): Promise<string> {
  await mkdir(OPENAPI_CACHE_DIR, { recursive: true });
  const hash = await sourceHash();
  const target = join(OPENAPI_CACHE_DIR, `metadata-${hash}.ts`);
  try {
    await readFile(target);
    return target;
  } catch {
    // Not generated for these sources yet.
  }
  const { PluginMetadataGenerator } = await import('@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js');
  const { ReadonlyVisitor } = await import('@nestjs/swagger/plugin');
  const nestCli = JSON.parse(await readFile(join(ROOT, 'nest-cli.json'), 'utf8')) as {
    compilerOptions: { plugins: Array<{ name: string; options: Record<string, unknown> }> };
  };
  const options = nestCli.compilerOptions.plugins.find((plugin) => plugin.name === '@nestjs/swagger')?.options ?? {};
  const scratch = `metadata-${hash}.partial.ts`;
  new PluginMetadataGenerator().generate({
    visitors: [new ReadonlyVisitor({ ...options, pathToSource: ROOT })],
    outputDir: OPENAPI_CACHE_DIR,
    filename: scratch,
    tsconfigPath: relative(process.cwd(), join(ROOT, 'tsconfig.build.json')),
    printDiagnostics: false,
  });
  // The printer writes imports relative to the project root, with `.js` for node16 resolution.
  const printed = await readFile(join(OPENAPI_CACHE_DIR, scratch), 'utf8');
  await writeFile(
    join(OPENAPI_CACHE_DIR, scratch),
    printed.replace(/import\("\.\/([^"]+?)(?:\.js)?"\)/g, (_match, path: string) => `import("../${path}")`),
  );
  await rename(join(OPENAPI_CACHE_DIR, scratch), target);
  // Metadata of earlier sources is of no further use.
  for (const file of await readdir(OPENAPI_CACHE_DIR)) {
    if (/^metadata-[0-9a-f]{16}\.ts$/.test(file) && join(OPENAPI_CACHE_DIR, file) !== target)
      await rm(join(OPENAPI_CACHE_DIR, file), { force: true });
  }
  return target;
}

/** A hash of every source file the document depends on (not tests, not the testing library). */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) {
    for (const entry of await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
        files.push(join(entry.parentPath, entry.name));
    }
  }
  files.push(join(ROOT, 'nest-cli.json'));
  for (const file of files.sort())
    hash
      .update(relative(ROOT, file))
      .update('\0')
      .update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}
