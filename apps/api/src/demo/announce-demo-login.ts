import type { DemoLogin } from './demo-seeder';

/** Printed once, on the terminal (not in the JSON logs): the demo password is not stored anywhere. */
export function announceDemoLogin(login: DemoLogin): void {
  process.stdout.write(
    [
      '',
      '  Demo tenant "Demo Ltd" created. Log in as its ADMIN with:',
      `    email:    ${login.email}`,
      `    password: ${login.password}`,
      '  (manager@, agent@, viewer@ and guest@demo.clientele.dev share this password.)',
      '',
      '',
    ].join('\n'),
  );
}
