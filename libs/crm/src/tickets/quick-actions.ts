/** The quick actions a ticket comment may carry (GitLab's names). */
export const QUICK_ACTION_COMMANDS = ['add_contacts', 'remove_contacts'] as const;
export type QuickActionCommand = (typeof QUICK_ACTION_COMMANDS)[number];

/** One command line of a comment: its command and the contact references it names, in order. */
export interface QuickAction {
  readonly command: QuickActionCommand;
  /** Each an e-mail (lower-cased) or a contact id (lower-cased), once per command line. */
  readonly references: readonly string[];
  /** 1-based line of the comment the command was on, for error messages. */
  readonly line: number;
}

/** A token of a command line that names no contact: the whole comment is refused (400). */
export interface QuickActionProblem {
  readonly line: number;
  readonly message: string;
}

/** A comment's body split into its quick actions and the text that is stored. */
export interface ParsedComment {
  readonly actions: readonly QuickAction[];
  /** The body without its command lines, trimmed; `''` when the body was only commands. */
  readonly text: string;
  readonly problems: readonly QuickActionProblem[];
}

/** A contact id, or an e-mail address: what `[contact:…]` may hold (as `POST tickets/:id/contacts`). */
export const CONTACT_REFERENCE =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[^\s@]+@[^\s@]+)$/;

/** `/command args`: at most 3 spaces of indentation (4 or a tab is Markdown code), a word, then a space or the end. */
const COMMAND_LINE = /^ {0,3}\/([A-Za-z_]+)(?=[ \t]|$)(.*)$/;
/** A fence opening or closing a Markdown code block: ``` or ~~~ (3 or more), at most 3 spaces in. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const QUOTES = /^["'“”‘’`]+|["'“”‘’`]+$/g;

/**
 * One token of a command's arguments → the reference it names, or null. Lenient on the wrapping
 * (as GitLab, which splits the argument on spaces): quotes around the token or inside the
 * brackets, a missing `[` or `]`, or no `contact:` prefix at all are all read; what is left must
 * be an e-mail or a contact id.
 */
function referenceOf(token: string): string | null {
  let value = token.replace(QUOTES, '');
  if (value.startsWith('[')) value = value.slice(1);
  if (value.endsWith(']')) value = value.slice(0, -1);
  value = value.replace(QUOTES, '');
  if (value.toLowerCase().startsWith('contact:')) value = value.slice('contact:'.length);
  value = value.replace(QUOTES, '').trim();
  return CONTACT_REFERENCE.test(value) ? value.toLowerCase() : null;
}

function isCommand(name: string): name is QuickActionCommand {
  return (QUICK_ACTION_COMMANDS as readonly string[]).includes(name);
}

/**
 * Reads a comment's quick actions, without a database:
 *
 * - a command is a line of its own, `/add_contacts [contact:a@b.com] [contact:c@d.com]` or
 *   `/remove_contacts …`, its name in any case, indented by at most 3 spaces;
 * - lines inside a fenced code block (``` or ~~~), indented code (4 spaces or a tab), inline
 *   code and quotes (`` `/add_contacts …` ``, `> /add_contacts …`) and a command in the middle
 *   of a line are text, as are unknown slash commands (`/shrug`);
 * - arguments are split on spaces and commas; each must name an e-mail or a contact id, else
 *   the line is a problem (the caller answers 400 and writes nothing); a command naming nothing
 *   is a problem too;
 * - the command lines are removed from the text; the rest is kept as written, trimmed.
 */
export function parseQuickActions(body: string): ParsedComment {
  const lines = body.split(/\r?\n/);
  const kept: string[] = [];
  const actions: QuickAction[] = [];
  const problems: QuickActionProblem[] = [];
  let fence: string | null = null;

  lines.forEach((line, index) => {
    const number = index + 1;
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      // A fence closes on a line of the same character, at least as long, with nothing after it.
      const closes =
        fenceMatch?.[1] !== undefined &&
        fenceMatch[1][0] === fence[0] &&
        fenceMatch[1].length >= fence.length &&
        (fenceMatch[2] ?? '').trim() === '';
      if (closes) fence = null;
      kept.push(line);
      return;
    }
    if (fenceMatch?.[1] !== undefined && !(fenceMatch[1][0] === '`' && (fenceMatch[2] ?? '').includes('`'))) {
      fence = fenceMatch[1];
      kept.push(line);
      return;
    }
    const command = COMMAND_LINE.exec(line);
    const name = command?.[1]?.toLowerCase();
    if (command === null || name === undefined || !isCommand(name)) {
      kept.push(line);
      return;
    }
    const tokens = (command[2] ?? '').split(/[\s,]+/).filter((token) => token !== '');
    const references: string[] = [];
    for (const token of tokens) {
      const reference = referenceOf(token);
      if (reference === null) {
        problems.push({ line: number, message: `line ${number}: /${name}: "${token}" is not a [contact:e-mail]` });
      } else if (!references.includes(reference)) {
        references.push(reference);
      }
    }
    if (tokens.length === 0) {
      problems.push({ line: number, message: `line ${number}: /${name} names no contact: /${name} [contact:e-mail]` });
    }
    actions.push({ command: name, references, line: number });
  });

  return { actions, text: actions.length === 0 ? body.trim() : kept.join('\n').trim(), problems };
}

/** The references of every command of one kind, each once, in order. */
export function referencesOf(actions: readonly QuickAction[], command: QuickActionCommand): string[] {
  return [...new Set(actions.filter((action) => action.command === command).flatMap((action) => action.references))];
}
