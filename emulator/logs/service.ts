/**
 * PLACEHOLDER: the logs service module; replaced by the real implementation.
 */
import { AwsError } from '../core/awsError';
import { renderJsonError } from '../core/protocolErrors';
import type { ServiceModule } from '../core/service';

export const logsService: ServiceModule = {
  signingName: 'logs',
  protocol: 'awsJson1_1',
  parse: () => {
    throw new AwsError('UnknownOperationException', 404, 'not implemented yet');
  },
  handle: () => {
    throw new AwsError('UnknownOperationException', 404, 'not implemented yet');
  },
  renderError: renderJsonError,
  errorFor: (code, message) => new AwsError(code, 500, message),
  throttled: (s) => new AwsError('ThrottlingException', 400, 'Rate exceeded'),
};
