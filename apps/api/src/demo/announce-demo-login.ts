import type { DemoLogin } from './demo-seeder';

/** `lines` in a box, so the login stands out from the log lines above it. */
export function boxed(lines: readonly string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const bar = '─'.repeat(width + 2);
  return ['', `┌${bar}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${bar}┘`, '', ''].join('\n');
}

/**
 * Printed once, on the terminal (not in the logs), as the last thing a first start prints:
 * the demo password is not stored anywhere.
 */
export function announceDemoLogin(login: DemoLogin, docsUrl?: string): void {
  process.stdout.write(
    boxed([
      'Demo tenant "Demo Ltd" is ready. Log in as its ADMIN with:',
      '',
      `  email:    ${login.email}`,
      `  password: ${login.password}`,
      '',
      'manager@, agent@, viewer@ and guest@demo.clientele.dev share this password.',
      ...(docsUrl === undefined ? [] : [`Try it in Swagger UI: ${docsUrl}`]),
      'Lost it? Stop the server and run: npm run demo:login',
    ]),
  );
}

/** Later starts: the password was shown once, so say how to get a login again. */
export function announceDemoLoginHint(docsUrl: string): void {
  process.stdout.write(
    boxed([
      `Swagger UI: ${docsUrl}`,
      'Demo login: admin@demo.clientele.dev (the password was printed at the first start).',
      'Need it again? Stop the server and run: npm run demo:login (sets a new one and prints it).',
    ]),
  );
}
