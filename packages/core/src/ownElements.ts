/**
 * Snapshots the elements of an untrusted array, or says which one is not an own plain value:
 * a hole would read `Array.prototype`, a getter could answer twice, a Proxy trap could throw.
 *
 * @category Input
 * @example
 * const list = ownElements(request.categories, "categories");
 * if (list.problem !== undefined) return refuse(list.problem); // "categories[1] is missing (a hole)"
 */
export function ownElements(
  array: readonly unknown[],
  what: string,
):
  | { readonly elements: readonly unknown[]; readonly problem?: undefined }
  | { readonly elements?: undefined; readonly problem: string } {
  try {
    const length = array.length;
    const elements: unknown[] = [];
    for (let i = 0; i < length; i++) {
      const descriptor = Reflect.getOwnPropertyDescriptor(array, i);
      if (descriptor === undefined) return { problem: `${what}[${i}] is missing (a hole)` };
      if (!("value" in descriptor)) return { problem: `${what}[${i}] is given through a getter` };
      elements.push(descriptor.value);
    }
    return { elements };
  } catch {
    return { problem: `${what} could not be read` };
  }
}
