/** The services the emulator serves, by SigV4 signing name. */
import type { ServiceModule } from './core/service';
import { latticeService } from './lattice/service';
import { logsService } from './logs/service';
import { stsService } from './sts/service';

export const services: readonly ServiceModule[] = [latticeService, logsService, stsService];
