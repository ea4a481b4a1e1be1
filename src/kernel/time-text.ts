/**
 * Text that depends on the time only to some unit (an HTTP date to the second, a log timestamp to the
 * millisecond), made once per unit: many requests share each unit under load, and formatting a Date
 * costs more than the rest of what they do with it.
 */
export class TimeText {
  private unit = Number.NaN;
  private text = '';

  /** `make` receives the first millisecond of the unit. */
  constructor(private readonly unitMs: number, private readonly make: (unitStartMs: number) => string) {}

  /** The text for the unit `nowMs` falls in. */
  at(nowMs: number): string {
    const unit = Math.floor(nowMs / this.unitMs);
    if (unit !== this.unit) {
      this.unit = unit;
      this.text = this.make(unit * this.unitMs);
    }
    return this.text;
  }
}
