import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { passwordPolicyViolation } from './password-policy';

/**
 * The password policy as a class-validator rule. When the DTO also carries `email`, the
 * password may not be that e-mail.
 */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          return typeof value === 'string' && passwordPolicyViolation(value, emailOf(args.object)) === null;
        },
        defaultMessage(args: ValidationArguments): string {
          const value = args.value as unknown;
          const why =
            typeof value === 'string' ? passwordPolicyViolation(value, emailOf(args.object)) : 'must be a string';
          return `${args.property} ${why ?? 'is not acceptable'}`;
        },
      },
    });
  };
}

function emailOf(dto: object): string | undefined {
  const email = (dto as { email?: unknown }).email;
  return typeof email === 'string' ? email : undefined;
}
