import type { ComponentChildren, ComponentProps, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from './api/client';

/** Loads `load()` whenever `deps` change; `reload` runs it again. */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
} {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    load().then(
      (value) => {
        if (!live) return;
        setData(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { data, error, loading, reload: () => setTick((n) => n + 1), setData };
}

export function Loading({ what }: { what: string }): JSX.Element {
  return (
    <p class="state" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }): JSX.Element {
  return <p class="state empty">{children}</p>;
}

/** A problem+json `detail` (or any failure) as an alert. */
export function ErrorNote({ error }: { error: unknown }): JSX.Element | null {
  if (error === undefined || error === null) return null;
  return (
    <p class="error" role="alert">
      {messageOf(error)}
      {error instanceof ApiError && error.code !== 'UNKNOWN' ? <span class="code"> ({error.code})</span> : null}
    </p>
  );
}

/** A labelled control with the server's message for its field underneath. */
export function Field(props: {
  label: string;
  name: string;
  error?: unknown;
  children: (attributes: {
    id: string;
    name: string;
    'aria-invalid'?: 'true';
    'aria-describedby'?: string;
  }) => JSX.Element;
}): JSX.Element {
  const id = `field-${props.name}`;
  const message = props.error instanceof ApiError ? props.error.fieldError(props.name) : undefined;
  return (
    <div class={`field${message ? ' invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      {props.children({
        id,
        name: props.name,
        ...(message ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {}),
      })}
      {message ? (
        <span class="field-error" id={`${id}-error`}>
          {message}
        </span>
      ) : null}
    </div>
  );
}

/** A modal dialog (native `<dialog>`: focus trapped, Escape closes). */
export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren }): JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby="dialog-title" onClose={props.onClose} onCancel={props.onClose}>
      <h2 id="dialog-title">{props.title}</h2>
      {props.children}
    </dialog>
  );
}

/** A button that is disabled, with its reason as a tooltip and for screen readers, when `denied` is set. */
export function GuardedButton(
  props: ComponentProps<'button'> & { denied?: string | false; children: ComponentChildren },
): JSX.Element {
  const { denied, children, ...rest } = props;
  return (
    <button {...rest} disabled={Boolean(denied) || Boolean(rest.disabled)} title={denied || rest.title}>
      {children}
      {denied ? <span class="visually-hidden"> — {denied}</span> : null}
    </button>
  );
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function money(value: string, currency: string): string {
  return `${value} ${currency}`;
}
