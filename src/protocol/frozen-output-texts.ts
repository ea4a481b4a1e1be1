/**
 * Texts written for frozen outputs, by output and by the plan that wrote them: an operation that answers
 * the very same frozen object again (a view of state that has not changed, such as a described cluster
 * or a user) has it written once. Operations freeze such views deeply (kernel/deep-freeze.ts).
 */
import type { WireStructure } from '../kernel/wire-value.ts';

export class FrozenOutputTexts<P> {
  private readonly texts = new WeakMap<WireStructure, { readonly plan: P; readonly text: string }>();

  /** `write(output)`, written once per plan while `output` is frozen. */
  text(plan: P, output: WireStructure, write: (output: WireStructure) => string): string {
    if (!Object.isFrozen(output)) return write(output);
    let known = this.texts.get(output);
    if (known?.plan !== plan) this.texts.set(output, (known = { plan, text: write(output) }));
    return known.text;
  }
}
