import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { UnauthorizedError } from '../../errors/domain-error';
import { UserEntity } from '../../tenancy/entities/user.entity';
import { unscopedRepository } from '../../tenancy/unscoped-repository';
import { PasswordHasher } from '../password-hasher';
import { type IssuedTokens, SessionService } from '../session.service';
import { LoginCommand } from './login.command';

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, IssuedTokens> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionService,
  ) {}

  async execute({ input, client }: LoginCommand): Promise<IssuedTokens> {
    const user = await unscopedRepository(this.dataSource.manager, UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email: input.email })
      .getOne();
    // Unknown e-mail and wrong password answer alike, after the same hashing work.
    const valid =
      user === null
        ? await this.passwords.verifyDummy(input.password)
        : await this.passwords.verify(user.passwordHash, input.password);
    if (user === null || !valid || !user.isActive) {
      throw new UnauthorizedError('The e-mail or password is wrong.', 'INVALID_CREDENTIALS');
    }
    return this.dataSource.transaction((manager) => this.sessions.open(manager, user, client));
  }
}
