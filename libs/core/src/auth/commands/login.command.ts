import type { LoginDto } from '../dto/login.dto';
import type { ClientInfo } from '../session.service';

export class LoginCommand {
  constructor(
    readonly input: LoginDto,
    readonly client: ClientInfo,
  ) {}
}
