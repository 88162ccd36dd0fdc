import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Contact, ContactBody, ContactKind } from '../api/types';
import { Dialog, ErrorNote, Field } from '../ui';

export const KINDS: ContactKind[] = ['LEAD', 'CUSTOMER', 'CLIENT', 'PARTNER', 'VENDOR', 'CONTRACTOR', 'OTHER'];
export const STATUSES = ['Prospect', 'Active', 'Churned'];

/** Create (no `contact`) or edit a contact; the server's field errors show next to each field. */
export function ContactForm(props: {
  contact?: Contact;
  onSaved: (contact: Contact) => void;
  onClose: () => void;
}): JSX.Element {
  const c = props.contact;
  const [values, setValues] = useState({
    firstName: c?.firstName ?? '',
    lastName: c?.lastName ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    jobTitle: c?.jobTitle ?? '',
    kind: c?.kind ?? 'LEAD',
    status: c?.status ?? '',
    customerName: c?.customer?.name ?? '',
  });
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof values) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [name]: event.currentTarget.value });

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());
    const body: ContactBody = {
      firstName: values.firstName.trim(),
      lastName: text(values.lastName),
      email: text(values.email),
      phone: text(values.phone),
      jobTitle: text(values.jobTitle),
      kind: values.kind,
      status: text(values.status),
    };
    const customerName = values.customerName.trim();
    if (customerName !== '' && customerName !== c?.customer?.name) body.customerName = customerName;
    if (customerName === '' && c?.customerId) body.customerId = null;
    try {
      const saved = c
        ? await api.patch<Contact>(`/crm/contacts/${c.id}`, body)
        : await api.post<Contact>('/crm/contacts', body);
      props.onSaved(saved);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={c ? `Edit ${c.name}` : 'New contact'} onClose={props.onClose}>
      <form class="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label="First name" name="firstName" error={error}>
          {(a) => <input {...a} value={values.firstName} onInput={set('firstName')} autoFocus />}
        </Field>
        <Field label="Last name" name="lastName" error={error}>
          {(a) => <input {...a} value={values.lastName} onInput={set('lastName')} />}
        </Field>
        <Field label="E-mail" name="email" error={error}>
          {(a) => <input {...a} type="email" value={values.email} onInput={set('email')} />}
        </Field>
        <Field label="Phone" name="phone" error={error}>
          {(a) => <input {...a} type="tel" value={values.phone} onInput={set('phone')} />}
        </Field>
        <Field label="Job title" name="jobTitle" error={error}>
          {(a) => <input {...a} value={values.jobTitle} onInput={set('jobTitle')} />}
        </Field>
        <Field label="Company" name="customerName" error={error}>
          {(a) => <input {...a} value={values.customerName} onInput={set('customerName')} list="company-hint" />}
        </Field>
        <Field label="Kind" name="kind" error={error}>
          {(a) => (
            <select {...a} value={values.kind} onChange={set('kind')}>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status" name="status" error={error}>
          {(a) => (
            <select {...a} value={values.status} onChange={set('status')}>
              <option value="">—</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {status}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ErrorNote error={error} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : c ? 'Save changes' : 'Create contact'}
          </button>
          <button type="button" class="secondary" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
