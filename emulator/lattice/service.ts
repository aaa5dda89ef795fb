/**
 * The VPC Lattice module of the emulator (restJson1). Routing and wire encoding come from the model
 * (codec.ts); behaviour from the handlers (invoke.ts); errors carry the fields the model requires.
 */
import type { RawRequest } from '../core/http';
import { renderRestJsonError } from '../core/protocolErrors';
import type { CallContext, ParsedCall, ServiceModule } from '../core/service';
import type { EmulatorState } from '../state';
import { decodeRequest, encodeResponse } from './codec';
import { faultError, throttlingError } from './errors';
import { invokeLattice } from './invoke';

/** The vpc-lattice service module. */
export const latticeService: ServiceModule = {
  signingName: 'vpc-lattice',
  protocol: 'restJson1',
  parse: (req: RawRequest): ParsedCall => decodeRequest(req),
  handle: (state: EmulatorState, ctx: CallContext, call: ParsedCall) =>
    encodeResponse(call.operation, invokeLattice(state, ctx, call.operation, call.input)),
  renderError: renderRestJsonError,
  errorFor: faultError,
  throttled: throttlingError,
};
