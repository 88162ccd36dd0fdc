export class GetMeQuery {}
