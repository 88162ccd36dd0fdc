import { ValidationError } from '@clientele/core';
import { CONTACT_RELATIONS, type ContactRelation } from './contact-relations';

/**
 * The relation names Gauzy's clients ask for on a contact (`relations[]=…`, `join[…]`), ours
 * among them. Each answers what Clientele has: `members.user` adds each member's `user`
 * (members are users here), `contact` the contact's own person fields (Gauzy's address record
 * has no counterpart), `projects` and `projects.members` an empty `projects` list (no projects
 * exist yet).
 */
export const GAUZY_CONTACT_RELATIONS = [
  ...CONTACT_RELATIONS,
  'members.user',
  'contact',
  'projects',
  'projects.members',
] as const;
export type GauzyContactRelation = (typeof GAUZY_CONTACT_RELATIONS)[number];

/** What a Gauzy response shows beyond the loaded relations. */
export interface GauzyExtras {
  readonly memberUsers: boolean;
  readonly contact: boolean;
  readonly projects: boolean;
}

/** The relations asked for, as the ones to load and the extras to show. */
export class GauzyRelations {
  private constructor(
    readonly load: readonly ContactRelation[],
    readonly extras: GauzyExtras,
  ) {}

  static of(requested: readonly GauzyContactRelation[]): GauzyRelations {
    const asked = new Set(requested);
    if (asked.has('members.user')) asked.add('members');
    return new GauzyRelations(
      CONTACT_RELATIONS.filter((relation) => asked.has(relation)),
      {
        memberUsers: asked.has('members.user'),
        contact: asked.has('contact'),
        projects: asked.has('projects') || asked.has('projects.members'),
      },
    );
  }
}

/** The kinds of join Gauzy's `join[…]` (TypeORM's `JoinOptions`) names. */
export const JOIN_KINDS = ['leftJoin', 'leftJoinAndSelect', 'innerJoin', 'innerJoinAndSelect'] as const;
type JoinKind = (typeof JOIN_KINDS)[number];
/** The root alias when `join[alias]` is left out. */
const ROOT_ALIAS = 'organization_contact';

/**
 * Gauzy's `join[alias]=organization_contact&join[leftJoinAndSelect][members]=organization_contact.members
 * &join[leftJoinAndSelect][user]=members.user` as relation names (`members`, `members.user`).
 * A path starts at the root alias or at an alias an earlier entry defined; joins only add
 * relations (an inner join filters nothing). Anything else is a 400 naming the key.
 */
export function joinRelations(join: unknown): GauzyContactRelation[] {
  if (join === undefined) return [];
  if (!isRecord(join)) throw ValidationError.field('join', 'join must be a group of fields, e.g. join[alias]=…');
  for (const key of Object.keys(join)) {
    if (key !== 'alias' && !(JOIN_KINDS as readonly string[]).includes(key)) {
      throw ValidationError.field(`join[${key}]`, `join takes alias, ${JOIN_KINDS.join(', ')}`);
    }
  }
  const { alias = ROOT_ALIAS } = join;
  if (typeof alias !== 'string') throw ValidationError.field('join[alias]', 'join[alias] must be a single name');
  const paths = new Map<string, string>([[alias, '']]);
  const entries = JOIN_KINDS.flatMap((kind: JoinKind) => {
    const joins = join[kind] ?? {};
    if (!isRecord(joins)) throw ValidationError.field(`join[${kind}]`, `join[${kind}][alias] names each join`);
    return Object.entries(joins).map(([name, path]) => ({ key: `join[${kind}][${name}]`, alias: name, path }));
  });
  const relations: GauzyContactRelation[] = [];
  // Entries may come in any order: resolve those whose parent is known until none is left.
  let pending = entries;
  while (pending.length > 0) {
    const next = pending.filter((entry) => !resolve(entry));
    if (next.length === pending.length) {
      const [first] = next;
      throw ValidationError.field(
        first?.key ?? 'join',
        `${first?.key ?? 'join'} must be alias.relation, e.g. organization_contact.members`,
      );
    }
    pending = next;
  }
  return relations;

  function resolve(entry: { key: string; alias: string; path: unknown }): boolean {
    if (typeof entry.path !== 'string') throw ValidationError.field(entry.key, `${entry.key} must be alias.relation`);
    const [parentAlias, property, ...rest] = entry.path.split('.');
    if (parentAlias === undefined || property === undefined || rest.length > 0) {
      throw ValidationError.field(entry.key, `${entry.key} must be alias.relation, e.g. organization_contact.members`);
    }
    const parent = paths.get(parentAlias);
    if (parent === undefined) return false;
    const name = parent === '' ? property : `${parent}.${property}`;
    if (!isGauzyRelation(name)) {
      throw ValidationError.field(
        entry.key,
        `${entry.key} joins ${name}; the relations are ${GAUZY_CONTACT_RELATIONS.join(', ')}`,
      );
    }
    paths.set(entry.alias, name);
    relations.push(name);
    return true;
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isGauzyRelation(name: string): name is GauzyContactRelation {
  return (GAUZY_CONTACT_RELATIONS as readonly string[]).includes(name);
}
