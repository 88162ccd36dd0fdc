export class SetUpMfaCommand {}
