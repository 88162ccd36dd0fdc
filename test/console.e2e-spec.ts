import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { generate } from 'otplib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, login, type Session, type TestApp } from '@clientele/testing';
import { seedDemoTenant } from '../apps/api/src/demo/demo-seeder';

/**
 * The web console in a real browser (Debian's chromium, headless) against the real API on
 * PostgreSQL: the flows a person uses every day. CI installs chromium (.ci/run); a machine
 * without it skips this file outside CI and fails it in CI.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CONSOLE_DIR = join(process.cwd(), 'apps/console');
const BUILT = join(CONSOLE_DIR, 'dist/index.html');
/** Every main view, each run (git-ignored); the README shows the two under docs/. */
const SHOTS = join(process.cwd(), '.vitest-console');
const DOCS = join(process.cwd(), 'docs');
const canRun = existsSync(CHROMIUM) || process.env.CI !== undefined;

/** The few browser globals the page functions below use (the test compiles without the DOM lib). */
interface InPage {
  axe: typeof axe;
  innerWidth: number;
  scrollTo(x: number, y: number): void;
  document: { activeElement: { id: string } | null; documentElement: { scrollWidth: number } };
}

/** Builds the console when it is missing or older than its sources (npm ci and npm run build do too). */
function ensureConsoleBuilt(): void {
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
        entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
      ),
    );
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= newest(join(CONSOLE_DIR, 'src'))) return;
  const build = spawnSync('npm', ['run', 'build:console'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:console failed:\n${build.stdout}\n${build.stderr}`);
}

describe.skipIf(!canRun)('the web console in chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let password: string;
  let admin: Session;
  let mfaSecret: string;
  const deals: Record<string, string> = {};
  /** Jane Doe, her company, and the ticket the service desk opened for them. */
  let janeId: string;
  let company: { id: string; name: string };
  const TICKET = 'Badge reader offline at reception';
  const stages: Record<string, string> = {};

  async function screenshot(name: string, toDocs = false): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    if (toDocs) await page.screenshot({ path: join(DOCS, `console-${name}.png`) });
  }

  /** axe-core on the current view: no serious or critical violation. */
  async function expectAccessible(view: string): Promise<void> {
    // Through the DevTools protocol: the console's CSP (script-src 'self') rightly refuses an inline script.
    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
      const result = await (globalThis as unknown as InPage).axe.run({ resultTypes: ['violations'] });
      return result.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
    expect(violations, `${view}: ${violations.join('; ')}`).toEqual([]);
  }

  async function logIn(email: string, mfaCode?: string): Promise<void> {
    await page.goto(base);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    if (mfaCode !== undefined) {
      await page.getByLabel('Authentication code').fill(mfaCode);
      await page.getByRole('button', { name: 'Log in' }).click();
    }
    await page.getByRole('heading', { name: /^Contacts/ }).waitFor();
  }

  async function logOut(): Promise<void> {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in to Clientele' }).waitFor();
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install -y chromium`);
    ensureConsoleBuilt();
    mkdirSync(SHOTS, { recursive: true });
    t = await createTestApp({ CONSOLE_DIR: join(CONSOLE_DIR, 'dist') });
    const demo = await seedDemoTenant(t.app);
    if (demo === null) throw new Error('the demo tenant was not seeded');
    password = demo.password;
    admin = await login(t.http, demo.email, password);

    // Deals on the default pipeline, one of them Jane Doe's.
    const pipelines = await t.http.get('/api/pipelines').set(bearer(admin)).expect(200);
    for (const stage of pipelines.body.items[0].stages as Array<{ id: string; name: string }>) {
      stages[stage.name] = stage.id;
    }
    const jane = await t.http.get('/api/crm/contacts?q=Jane%20Doe&limit=1').set(bearer(admin)).expect(200);
    for (const [title, value, currency, stage, contactId] of [
      ['Acme renewal', '12500.00', 'EUR', 'Negotiation', jane.body.items[0].id],
      ['Globex expansion', '4800.00', 'USD', 'Lead', undefined],
      ['Initech pilot', '900.00', 'EUR', 'Qualified', undefined],
      ['Umbrella audit', '3000.00', 'EUR', 'Proposal', undefined],
    ]) {
      const deal = await t.http
        .post('/api/deals')
        .set(bearer(admin))
        .send({ title, value, currency, stageId: stages[stage as string], contactId })
        .expect(201);
      deals[title as string] = deal.body.id;
    }
    // A service-desk ticket for Jane Doe's company, linked to her.
    janeId = jane.body.items[0].id;
    company = jane.body.items[0].customer;
    await t.http
      .post('/api/tickets')
      .set(bearer(admin))
      .send({ title: TICKET, priority: 'URGENT', contactIds: [janeId], customerId: company.id })
      .expect(201);

    // Initech pilot has sat in Qualified longer than its 7 days: the board marks it rotting.
    const pipelineId: string = pipelines.body.items[0].id;
    await t.http
      .patch(`/api/pipelines/${pipelineId}/stages/${stages.Qualified}`)
      .set(bearer(admin))
      .send({ rottenAfterDays: 7 })
      .expect(200);
    await t.db.query(`UPDATE deal SET stage_changed_at = now() - interval '12 days' WHERE id = $1`, [
      deals['Initech pilot'],
    ]);

    // The manager logs in with a TOTP code.
    const manager = await login(t.http, 'manager@demo.clientele.dev', password);
    const setup = await t.http.post('/api/auth/mfa/setup').set(bearer(manager)).expect(201);
    mfaSecret = setup.body.secret;
    await t.http
      .post('/api/auth/mfa/enable')
      .set(bearer(manager))
      .send({ code: await generate({ secret: mfaSecret }) })
      .expect(204);

    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('logs in with the keyboard alone and shows the Contacts view', async () => {
    await page.goto(base);
    await page.getByRole('heading', { name: 'Log in to Clientele' }).waitFor();
    await page.keyboard.press('Tab'); // the e-mail field is the first control
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.id))
      .toBe('login-email');
    await page.keyboard.type('admin@demo.clientele.dev');
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Contacts/ }).waitFor();
    await page.getByRole('link', { name: 'Jane Doe' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(25);
    await page.evaluate(() => (globalThis as unknown as InPage).scrollTo(0, 0));
    await screenshot('contacts', true);
    await expectAccessible('Contacts');
  }, 30_000);

  it('narrows by a chip, and exports the CSV of that filter', async () => {
    await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Prospect' }).click();
    await expect
      .poll(async () => [...new Set(await page.locator('tbody tr td:nth-child(5)').allInnerTexts())])
      .toEqual(['Prospect']);
    expect(await page.getByRole('button', { name: 'Prospect' }).getAttribute('aria-pressed')).toBe('true');
    const shown = await page.locator('tbody tr td:first-child').allInnerTexts();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv.length - 1).toBe(shown.length);
    for (const name of shown) expect(csv.some((line) => line.includes(name.split(' ')[0]))).toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).click();
  }, 30_000);

  it('finds Jane Doe through a typo in the search bar, grouped by type', async () => {
    await page.getByLabel('Search contacts, customers and deals').fill('jnae doe');
    const contacts = page.getByRole('region', { name: 'Contacts' });
    await contacts.getByRole('link', { name: /Jane Doe/ }).waitFor();
    await page.getByLabel('Search contacts, customers and deals').fill('');
  }, 30_000);

  it('creates a contact with customerName: the server field error shows next to its field, then it saves', async () => {
    await page.getByRole('button', { name: 'New contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    await dialog.getByLabel('First name').fill('Sam');
    await dialog.getByLabel('Last name').fill('Patel');
    await dialog.getByLabel('E-mail').fill('sam.patel-at-initech');
    await dialog.getByLabel('Company').fill('Initech Labs');
    await dialog.getByRole('button', { name: 'Create contact' }).click();
    const email = dialog.getByLabel('E-mail');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await email.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).innerText()).toMatch(/email/i);
    await email.fill('sam.patel@initech.test');
    await dialog.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Sam Patel' }).waitFor();
    await page.getByRole('link', { name: 'Initech Labs' }).waitFor();
    await page.getByRole('region', { name: 'Tickets' }).getByText('No tickets.').waitFor();
  }, 30_000);

  it('opens Jane Doe, adds a note that joins her timeline, and completes an activity', async () => {
    await page.goto(`${base}/#/contacts`);
    await page.getByRole('link', { name: 'Jane Doe' }).click();
    await page.getByRole('heading', { name: 'Jane Doe' }).waitFor();
    await page.getByRole('region', { name: 'Open deals' }).getByText('Acme renewal').waitFor();
    await page.getByLabel('Note (Markdown)').fill('Budget approved; start in May.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Budget approved; start in May.').waitFor();

    await page.getByRole('radio', { name: 'Activity' }).check();
    await page.getByLabel('Subject').fill('Renewal call');
    await page.getByRole('button', { name: 'Add activity' }).click();
    await page.getByRole('button', { name: 'Complete Renewal call' }).click();
    await page.getByRole('region', { name: 'Activities' }).getByText(/done/).waitFor();
    await screenshot('contact-detail');
    await expectAccessible('Contact detail');
  }, 30_000);

  it('shows the service desk: a contact’s tickets, open-ticket counts and contracts on customers, a customer’s tickets', async () => {
    // Contact detail: the ticket linked to Jane Doe, with its status, priority and update time.
    await page.goto(`${base}/#/contacts/${janeId}`);
    const contactTickets = page.getByRole('region', { name: 'Tickets' });
    const ticket = contactTickets.getByRole('listitem').filter({ hasText: TICKET });
    await ticket.waitFor();
    expect(await ticket.innerText()).toMatch(/Open[\s\S]*Urgent[\s\S]*updated \d/);
    const linked = await t.http.get(`/api/crm/contacts/${janeId}/tickets`).set(bearer(admin)).expect(200);
    expect(await contactTickets.getByRole('listitem').count()).toBe(Math.min(linked.body.total, 10));
    await contactTickets.scrollIntoViewIfNeeded();
    await screenshot('contact-tickets');
    await expectAccessible('Contact detail with tickets');

    // Customers: open tickets, contract status and billing summary of each row, as the API counts them.
    const listed = await t.http.get('/api/crm/customers?limit=50&sort=name').set(bearer(admin)).expect(200);
    const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    const cell = (name: string, column: string) => row(name).locator(`td[data-label="${column}"]`);
    const expected = listed.body.items.find((c: { id: string }) => c.id === company.id);
    expect(expected.openTicketCount).toBeGreaterThanOrEqual(1);
    const billed = listed.body.items.find((c: { billingSummary: string | null }) => c.billingSummary !== null);
    await page.goto(`${base}/#/customers`);
    await row(company.name).waitFor();
    expect(await cell(company.name, 'Open tickets').innerText()).toBe(String(expected.openTicketCount));
    expect(await cell(company.name, 'Contract').innerText()).toBe(
      { NONE: 'No contract', ACTIVE: 'Active', EXPIRING: 'Expiring', EXPIRED: 'Expired' }[
        expected.contractStatus as string
      ],
    );
    if (billed !== undefined) expect(await cell(billed.name, 'Billing').innerText()).toBe(billed.billingSummary);
    await screenshot('customers');
    await expectAccessible('Customers');

    // On a phone each row stacks into a card that still shows the three columns, labelled.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await cell(company.name, 'Open tickets').isVisible()).toBe(true);
    expect(await cell(company.name, 'Billing').isVisible()).toBe(true);
    const overflow = await page.evaluate(() => {
      const inPage = globalThis as unknown as InPage;
      return inPage.document.documentElement.scrollWidth - inPage.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot('customers-phone');
    await expectAccessible('Customers on a phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Customer detail: its contacts, deals and tickets.
    await row(company.name).getByRole('link', { name: company.name, exact: true }).click();
    await page.getByRole('heading', { name: company.name, exact: true }).waitFor();
    await page.getByRole('region', { name: 'Contacts' }).getByRole('link', { name: 'Jane Doe' }).waitFor();
    const companyDeals = await t.http.get(`/api/crm/customers/${company.id}/deals`).set(bearer(admin)).expect(200);
    await expect
      .poll(() => page.getByRole('region', { name: 'Deals' }).getByRole('heading').innerText())
      .toBe(`Deals ${companyDeals.body.total}`);
    const customerTickets = page.getByRole('region', { name: 'Tickets' });
    await customerTickets.getByRole('listitem').filter({ hasText: TICKET }).waitFor();
    const owned = await t.http.get(`/api/crm/customers/${company.id}/tickets`).set(bearer(admin)).expect(200);
    expect(await customerTickets.getByRole('heading').innerText()).toBe(`Tickets ${owned.body.total}`);
    await customerTickets.scrollIntoViewIfNeeded();
    await screenshot('customer-detail');
    await expectAccessible('Customer detail');

    // A customer that is not there: the problem's detail, as an alert.
    const missing = '00000000-0000-4000-8000-000000000000';
    const problem = await t.http.get(`/api/crm/customers/${missing}`).set(bearer(admin)).expect(404);
    await page.goto(`${base}/#/customers/${missing}`);
    expect(await page.getByRole('alert').innerText()).toContain(problem.body.detail);
  }, 45_000);

  it('drags a deal to Won on the board, moves one with the keyboard, and asks why a deal was lost', async () => {
    await page.goto(`${base}/#/deals/board`);
    const column = (name: string) => page.locator(`section.column[data-stage="${name}"]`);
    await column('Negotiation').getByRole('article', { name: 'Acme renewal' }).waitFor();
    // The card shows its value; the column's sums (the demo's deals too) come from the board endpoint.
    await expect
      .poll(() => column('Negotiation').getByRole('article', { name: 'Acme renewal' }).innerText())
      .toContain('12500.00');
    await expect.poll(() => column('Negotiation').getByRole('list').first().innerText()).toMatch(/\d+\.\d{2} EUR/);
    await column('Qualified')
      .locator('.card.rotting', { hasText: 'Initech pilot' })
      .getByText(/Rotting since/)
      .waitFor();
    await screenshot('board', true);
    await expectAccessible('Deal board');

    await column('Negotiation').getByRole('article', { name: 'Acme renewal' }).dragTo(column('Won'));
    await column('Won').getByRole('article', { name: 'Acme renewal' }).waitFor();
    const won = await t.http.get(`/api/deals/${deals['Acme renewal']}`).set(bearer(admin)).expect(200);
    expect(won.body.status).toBe('WON');
    // A closed deal moves only after reopening it.
    await page.getByRole('button', { name: 'Reopen Acme renewal' }).click();
    await expect
      .poll(async () => (await t.http.get(`/api/deals/${deals['Acme renewal']}`).set(bearer(admin))).body.status)
      .toBe('OPEN');
    await page.getByLabel('Move Acme renewal to stage').selectOption({ label: 'Move to Won' });
    await column('Won')
      .getByRole('article', { name: 'Acme renewal' })
      .getByRole('button', { name: /Reopen/ })
      .waitFor();

    // Keyboard: focus the card's stage menu, step to the next stage (Qualified) with the arrow key.
    const menu = page.getByLabel('Move Globex expansion to stage');
    await menu.focus();
    await page.keyboard.press('ArrowDown');
    await column('Qualified').getByRole('article', { name: 'Globex expansion' }).waitFor();

    await page.getByLabel('Move Umbrella audit to stage').selectOption({ label: 'Move to Lost' });
    const dialog = page.getByRole('dialog', { name: /Why was Umbrella audit lost/ });
    await dialog.getByLabel('Reason').fill('Went with a competitor');
    await dialog.getByRole('button', { name: 'Mark as lost' }).click();
    await column('Lost').getByRole('article', { name: 'Umbrella audit' }).waitFor();
    const lost = await t.http.get(`/api/deals/${deals['Umbrella audit']}`).set(bearer(admin)).expect(200);
    expect(lost.body).toMatchObject({ status: 'LOST', lostReason: 'Went with a competitor' });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/#/contacts`);
    await page.getByRole('link', { name: 'Jane Doe' }).waitFor();
    const overflow = await page.evaluate(() => {
      const inPage = globalThis as unknown as InPage;
      return inPage.document.documentElement.scrollWidth - inPage.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot('contacts-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await logOut();
  }, 45_000);

  it('shows a VIEWER no usable edit buttons, each with its reason', async () => {
    await logIn('viewer@demo.clientele.dev');
    const create = page.getByRole('button', { name: /New contact/ });
    expect(await create.isDisabled()).toBe(true);
    expect(await create.getAttribute('title')).toMatch(/VIEWER/);
    await page.getByRole('link', { name: 'Jane Doe' }).click();
    await page.getByRole('heading', { name: 'Jane Doe' }).waitFor();
    expect(await page.getByRole('button', { name: /^Edit/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /^Delete/ }).isDisabled()).toBe(true);
    await logOut();
  }, 30_000);

  it('asks a user with MFA for the TOTP code, and refreshes through the cookie on reload', async () => {
    await logIn(
      'manager@demo.clientele.dev',
      await generate({ secret: mfaSecret, epoch: Math.floor(Date.now() / 1000) + 30 }),
    );
    await page.reload();
    await page.getByRole('heading', { name: /^Contacts/ }).waitFor();
    expect(await page.locator('.who').innerText()).toMatch(/Morgan Manager\s+MANAGER/);
    await logOut();
    await page.reload();
    await page.getByRole('heading', { name: 'Log in to Clientele' }).waitFor();
  }, 30_000);
});
