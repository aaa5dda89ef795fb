/**
 * The VPC Lattice resources of the emulated world (all accounts, all regions).
 * PLACEHOLDER: filled in by the VPC Lattice work (issue 2).
 */

/** Serialized form of the Lattice state. */
export type LatticeJson = Record<string, unknown>;

/** All Lattice resources. */
export class LatticeStore {
  /** Serializes the store. */
  toJSON(): LatticeJson {
    return {};
  }

  /** Rebuilds a store from `toJSON()` output. */
  static fromJSON(_json: LatticeJson): LatticeStore {
    return new LatticeStore();
  }
}
