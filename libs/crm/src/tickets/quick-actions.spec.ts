import { describe, expect, it } from 'vitest';
import { parseQuickActions, referencesOf } from './quick-actions';

const ID = '6f1c2d3e-0000-4000-8000-000000000001';

describe('parseQuickActions', () => {
  it('reads /add_contacts with several contacts and strips the line from the text', () => {
    const parsed = parseQuickActions('Adding the team.\n/add_contacts [contact:a@b.com] [contact:c@d.com]\nThanks');
    expect(parsed.actions).toEqual([{ command: 'add_contacts', references: ['a@b.com', 'c@d.com'], line: 2 }]);
    expect(parsed.text).toBe('Adding the team.\nThanks');
    expect(parsed.problems).toEqual([]);
  });

  it('a body that is only commands leaves no text', () => {
    const parsed = parseQuickActions('/add_contacts [contact:a@b.com]\n/remove_contacts [contact:c@d.com]\n');
    expect(parsed.actions.map((action) => action.command)).toEqual(['add_contacts', 'remove_contacts']);
    expect(parsed.text).toBe('');
  });

  it('reads the command name and the contact: prefix in any case, and lower-cases the e-mails', () => {
    const parsed = parseQuickActions('/ADD_CONTACTS [Contact:Ada@Example.COM]\n/Remove_Contacts [CONTACT:Bob@x.io]');
    expect(parsed.actions).toEqual([
      { command: 'add_contacts', references: ['ada@example.com'], line: 1 },
      { command: 'remove_contacts', references: ['bob@x.io'], line: 2 },
    ]);
  });

  it('accepts quotes around the token or inside the brackets', () => {
    const parsed = parseQuickActions(
      `/add_contacts "[contact:a@b.com]" [contact:"c@d.com"] '[contact:e@f.com]' [contact:'g@h.com'] “[contact:i@j.com]”`,
    );
    expect(parsed.actions[0]?.references).toEqual(['a@b.com', 'c@d.com', 'e@f.com', 'g@h.com', 'i@j.com']);
    expect(parsed.problems).toEqual([]);
  });

  it('is lenient on missing brackets and a missing contact: prefix', () => {
    const parsed = parseQuickActions('/add_contacts a@b.com [contact:c@d.com contact:e@f.com] contact:g@h.com]');
    expect(parsed.actions[0]?.references).toEqual(['a@b.com', 'c@d.com', 'e@f.com', 'g@h.com']);
    expect(parsed.problems).toEqual([]);
  });

  it('splits on commas too, takes contact ids, and names each reference once per line', () => {
    const parsed = parseQuickActions(
      `/add_contacts [contact:a@b.com], [contact:${ID.toUpperCase()}],[contact:A@B.com]`,
    );
    expect(parsed.actions[0]?.references).toEqual(['a@b.com', ID]);
  });

  it('merges several commands of a kind with referencesOf, each reference once', () => {
    const parsed = parseQuickActions(
      '/add_contacts [contact:a@b.com]\ntext\n/add_contacts [contact:c@d.com] [contact:a@b.com]\n/remove_contacts [contact:e@f.com]',
    );
    expect(referencesOf(parsed.actions, 'add_contacts')).toEqual(['a@b.com', 'c@d.com']);
    expect(referencesOf(parsed.actions, 'remove_contacts')).toEqual(['e@f.com']);
    expect(parsed.text).toBe('text');
  });

  it('reports a token that names no contact, and a command naming nothing', () => {
    const parsed = parseQuickActions('/add_contacts [contact:a@b.com] please\n/remove_contacts');
    expect(parsed.problems).toEqual([
      { line: 1, message: 'line 1: /add_contacts: "please" is not a [contact:e-mail]' },
      { line: 2, message: 'line 2: /remove_contacts names no contact: /remove_contacts [contact:e-mail]' },
    ]);
    expect(parseQuickActions('/add_contacts [contact:]').problems).toHaveLength(1);
    expect(parseQuickActions('/add_contacts [contact:nobody]').problems).toHaveLength(1);
  });

  it('ignores commands inside fenced code blocks (``` and ~~~), up to the matching fence', () => {
    const body = [
      'Try this:',
      '```',
      '/add_contacts [contact:a@b.com]',
      '~~~',
      '/add_contacts [contact:b@b.com]',
      '```',
      '~~~~ text',
      '/remove_contacts [contact:c@d.com]',
      '~~~',
      '/add_contacts [contact:d@d.com]',
      '~~~~',
      '/add_contacts [contact:e@e.com]',
    ].join('\n');
    const parsed = parseQuickActions(body);
    expect(parsed.actions).toEqual([{ command: 'add_contacts', references: ['e@e.com'], line: 12 }]);
    expect(parsed.text).toBe(body.split('\n').slice(0, 11).join('\n'));
  });

  it('an unclosed fence runs to the end of the body', () => {
    const parsed = parseQuickActions('```sh\n/add_contacts [contact:a@b.com]');
    expect(parsed.actions).toEqual([]);
    expect(parsed.text).toBe('```sh\n/add_contacts [contact:a@b.com]');
  });

  it('ignores inline code, quotes and commands in the middle of a line', () => {
    const body = [
      '`/add_contacts [contact:a@b.com]`',
      'Use `/add_contacts [contact:a@b.com]` to link.',
      'please /add_contacts [contact:a@b.com]',
      '> /add_contacts [contact:a@b.com]',
      '```/add_contacts [contact:a@b.com]```',
    ].join('\n');
    const parsed = parseQuickActions(body);
    expect(parsed.actions).toEqual([]);
    expect(parsed.text).toBe(body);
  });

  it('allows up to 3 spaces of indentation; 4 spaces or a tab is code', () => {
    expect(parseQuickActions('   /add_contacts [contact:a@b.com]').actions).toHaveLength(1);
    expect(parseQuickActions('    /add_contacts [contact:a@b.com]').actions).toEqual([]);
    expect(parseQuickActions('\t/add_contacts [contact:a@b.com]').actions).toEqual([]);
  });

  it('leaves unknown slash commands and near-misses as text', () => {
    const body =
      '/shrug\n/assign @ada\n/add_contact [contact:a@b.com]\n/add_contacts:[contact:a@b.com]\n/ add_contacts x@y.z';
    const parsed = parseQuickActions(body);
    expect(parsed.actions).toEqual([]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.text).toBe(body);
  });

  it('keeps a body without commands exactly, trimmed, and reads Windows line ends', () => {
    expect(parseQuickActions('  Hello\r\n\r\nWorld  ').text).toBe('Hello\r\n\r\nWorld');
    const parsed = parseQuickActions('Hi\r\n/add_contacts [contact:a@b.com]\r\nBye');
    expect(parsed.actions[0]?.references).toEqual(['a@b.com']);
    expect(parsed.text).toBe('Hi\nBye');
  });
});
