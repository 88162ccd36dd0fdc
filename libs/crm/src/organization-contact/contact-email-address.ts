/** An e-mail as a contact keeps it: trimmed and in lower case, so uniqueness ignores case. */
export function normalizeContactEmail(email: string | null): string | null {
  return email?.trim().toLowerCase() ?? null;
}
