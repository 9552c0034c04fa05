import type { DeviceStorage } from './store';

/**
 * A browser's localStorage in memory, for tests: values are strings, keys keep their insertion
 * order, and `full` makes every write throw as a full or disabled storage does.
 */
export class MemoryStorage implements DeviceStorage {
  private readonly items = new Map<string, string>();
  full = false;

  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  /** Every key, for asserting what stays on the device. */
  keys() {
    return [...this.items.keys()];
  }
}
