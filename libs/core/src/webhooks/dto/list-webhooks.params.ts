import { PageParams } from '../../pagination/page-params.dto';

export class ListWebhooksParams extends PageParams {}
