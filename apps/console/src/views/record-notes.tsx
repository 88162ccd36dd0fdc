import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Activity, ActivityType, CreateActivityBody, CreateNoteBody } from '../api/types';
import { noGrant, useSession } from '../session';
import { ErrorNote, Field, GuardedButton } from '../ui';

const TYPES: ActivityType[] = ['CALL', 'EMAIL', 'MEETING', 'TASK'];

/** Add a note or an activity to a contact or customer, in place. */
export function AddNoteOrActivity(props: {
  subject: { contactId: string } | { customerId: string };
  onAdded: () => void;
}): JSX.Element {
  const session = useSession();
  const role = session.me.memberships.find((m) => m.organizationId === session.organizationId)?.role ?? '';
  const denied = !session.can('ORG_ACTIVITY_EDIT_OWN') && !session.can('ORG_ACTIVITY_EDIT') && noGrant(role);
  const [mode, setMode] = useState<'note' | 'activity'>('note');
  const [body, setBody] = useState('');
  const [type, setType] = useState<ActivityType>('CALL');
  const [subjectText, setSubjectText] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (mode === 'note') {
        const note: CreateNoteBody = { ...props.subject, body };
        await api.post('/notes', note);
        setBody('');
      } else {
        const activity: CreateActivityBody = {
          type,
          subject: subjectText,
          body: body.trim() === '' ? null : body,
          dueAt: dueAt === '' ? null : new Date(dueAt).toISOString(),
          ...('contactId' in props.subject
            ? { contactIds: [props.subject.contactId] }
            : { customerId: props.subject.customerId }),
        };
        await api.post<Activity>('/activities', activity);
        setBody('');
        setSubjectText('');
        setDueAt('');
      }
      props.onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel" aria-labelledby="add-title">
      <h3 id="add-title">Add</h3>
      <div class="segmented" role="radiogroup" aria-label="What to add">
        {(['note', 'activity'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="add-mode"
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {value === 'note' ? 'Note' : 'Activity'}
          </label>
        ))}
      </div>
      <form class="form" onSubmit={(event) => void submit(event)}>
        {mode === 'activity' ? (
          <>
            <Field label="Type" name="type" error={error}>
              {(a) => (
                <select {...a} value={type} onChange={(event) => setType(event.currentTarget.value as ActivityType)}>
                  {TYPES.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Subject" name="subject" error={error}>
              {(a) => (
                <input {...a} value={subjectText} onInput={(event) => setSubjectText(event.currentTarget.value)} />
              )}
            </Field>
            <Field label="Due" name="dueAt" error={error}>
              {(a) => (
                <input
                  {...a}
                  type="datetime-local"
                  value={dueAt}
                  onInput={(event) => setDueAt(event.currentTarget.value)}
                />
              )}
            </Field>
          </>
        ) : null}
        <Field label={mode === 'note' ? 'Note (Markdown)' : 'Details'} name="body" error={error}>
          {(a) => <textarea {...a} rows={3} value={body} onInput={(event) => setBody(event.currentTarget.value)} />}
        </Field>
        <ErrorNote error={error} />
        <GuardedButton type="submit" disabled={busy} denied={denied}>
          {mode === 'note' ? 'Add note' : 'Add activity'}
        </GuardedButton>
      </form>
    </section>
  );
}
