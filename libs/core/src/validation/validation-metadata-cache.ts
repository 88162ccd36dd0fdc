import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type Target = Parameters<MetadataStorage['getTargetValidationMetadatas']>[0];
type Grouped = Record<string, ValidationMetadata[]>;

const memoized = new WeakSet<MetadataStorage>();

/**
 * class-validator looks up a class's rules on every `validate`: it filters the rules of the
 * class and walks every registered class for its ancestors, then groups the result by property.
 * That was a third of the `ValidationPipe`'s cost on a list request. The rules only change while
 * decorators run (at import), so the lookup and the grouping are remembered per class and
 * options, and forgotten whenever a rule, constraint or schema is registered.
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let lookups = new Map<Target, Map<string, ValidationMetadata[]>>();
  let groupings = new WeakMap<ValidationMetadata[], Grouped>();

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = lookups.get(target);
    if (byOptions === undefined) lookups.set(target, (byOptions = new Map<string, ValidationMetadata[]>()));
    let rules = byOptions.get(options);
    if (rules === undefined) byOptions.set(options, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.groupByPropertyName = (rules) => {
    let grouped = groupings.get(rules);
    if (grouped === undefined) groupings.set(rules, (grouped = group(rules)));
    return grouped;
  };
  const forget = <A extends unknown[]>(register: (...args: A) => void) => {
    return (...args: A): void => {
      lookups = new Map();
      groupings = new WeakMap();
      register(...args);
    };
  };
  storage.addValidationMetadata = forget(storage.addValidationMetadata.bind(storage));
  storage.addConstraintMetadata = forget(storage.addConstraintMetadata.bind(storage));
  storage.addValidationSchema = forget(storage.addValidationSchema.bind(storage));
}
