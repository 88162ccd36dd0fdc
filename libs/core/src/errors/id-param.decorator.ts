import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationError } from './domain-error';

/** A UUID path parameter; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id'): ParameterDecorator =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => ValidationError.field(name, `${name} must be a UUID`) }));
