/** The VPC Lattice model tables (generated from shared/aws-models by `npm run gen:models`). */
import { asModel, type ModelTables } from '../core/model';
import modelJson from './generated/model.json';

/** Operations, HTTP bindings and shapes of the VPC Lattice API. */
export const latticeModel: ModelTables = asModel(modelJson);
