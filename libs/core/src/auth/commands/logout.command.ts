export class LogoutCommand {}
