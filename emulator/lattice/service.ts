/**
 * PLACEHOLDER: the vpc-lattice service module; replaced by the real implementation.
 */
import { AwsError } from '../core/awsError';
import { renderRestJsonError } from '../core/protocolErrors';
import type { ServiceModule } from '../core/service';

export const latticeService: ServiceModule = {
  signingName: 'vpc-lattice',
  protocol: 'restJson1',
  parse: () => {
    throw new AwsError('UnknownOperationException', 404, 'not implemented yet');
  },
  handle: () => {
    throw new AwsError('UnknownOperationException', 404, 'not implemented yet');
  },
  renderError: renderRestJsonError,
  errorFor: (code, message) => new AwsError(code, 500, message),
  throttled: (s) => new AwsError('ThrottlingException', 429, 'Rate exceeded', {}, { 'Retry-After': String(s) }),
};
