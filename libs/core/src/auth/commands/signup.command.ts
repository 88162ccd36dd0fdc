import type { ClientInfo } from '../session.service';
import type { SignupDto } from '../dto/signup.dto';

export class SignupCommand {
  constructor(
    readonly input: SignupDto,
    readonly client: ClientInfo,
  ) {}
}
