/**
 * A Map of at most `max` entries that forgets the oldest first. For values that never go stale
 * under their key — a survey's compiled schema or definition keyed by its version, a session
 * token's decrypted payload keyed by the token — so nothing needs invalidating, only bounding.
 * (Reads that do go stale, the dashboards' aggregates, are remembered for a time instead:
 * lib/results/remembered.ts.)
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.max) this.delete(this.keys().next().value!);
    return super.set(key, value);
  }
}
