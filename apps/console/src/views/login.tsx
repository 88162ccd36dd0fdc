import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { ErrorNote } from '../ui';

export function LoginView(props: { notice: string | null; onLoggedIn: () => void }): JSX.Element {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mfaCode, setMfaCode] = useState('');
  const [needsMfa, setNeedsMfa] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.login(email, password, needsMfa ? mfaCode : undefined);
      props.onLoggedIn();
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'MFA_REQUIRED') {
        setNeedsMfa(true);
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login" id="main">
      <form onSubmit={(event) => void submit(event)} aria-labelledby="login-title">
        <h1 id="login-title">Log in to Clientele</h1>
        {props.notice ? (
          <p class="error" role="alert">
            {props.notice}
          </p>
        ) : null}
        <label for="login-email">E-mail</label>
        <input
          id="login-email"
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <label for="login-password">Password</label>
        <input
          id="login-password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        {needsMfa ? (
          <>
            <label for="login-mfa">Authentication code</label>
            <input
              id="login-mfa"
              inputMode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9]{6}"
              required
              autoFocus
              aria-describedby="login-mfa-hint"
              value={mfaCode}
              onInput={(event) => setMfaCode(event.currentTarget.value)}
            />
            <span id="login-mfa-hint" class="hint">
              Your account needs the 6-digit code from your authenticator app.
            </span>
          </>
        ) : null}
        <ErrorNote error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
